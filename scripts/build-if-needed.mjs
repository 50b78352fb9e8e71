// Builds the app (the planner's worker bundle, then `next build`) unless the last build was of
// these very sources. `npm start` and the load bench run it: node scripts/build-if-needed.mjs
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function sourceHash() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else hash.update(`${p}:${s.size}:${s.mtimeMs}`);
    }
  };
  for (const dir of ['app', 'lib', 'db']) if (existsSync(dir)) walk(dir);
  for (const f of [
    'package-lock.json',
    'proxy.ts',
    'next.config.mjs',
    'tsconfig.json',
    'scripts/build-worker.mjs',
  ]) {
    if (existsSync(f)) hash.update(readFileSync(f));
  }
  return hash.digest('hex');
}

const stamp = join('.next', 'villi-source-hash');
const current = sourceHash();
const built =
  existsSync(join('.next', 'BUILD_ID')) &&
  existsSync(join('dist', 'plan-worker.mjs')) &&
  existsSync(stamp) &&
  readFileSync(stamp, 'utf8') === current;
if (!built) {
  // The planner's worker threads run their own bundle (see app/_server/pool).
  run('node', ['scripts/build-worker.mjs']);
  run('npx', ['next', 'build']);
  writeFileSync(stamp, current);
}
