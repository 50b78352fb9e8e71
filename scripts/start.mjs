// npm start: migrate, seed an empty (or outdated) database, build if needed, serve.
import { spawnSync } from 'node:child_process';

const port = process.env.PORT ?? '3000';
// Only this machine can reach the server unless HOST names another interface (e.g. 0.0.0.0).
const host = process.env.HOST?.trim() || '127.0.0.1';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run('npx', ['tsx', 'seeds/seed.ts', '--if-needed']);
run('node', ['scripts/build-if-needed.mjs']);
// method-guard: TRACE reaches the proxy as a 405 rather than failing inside Next with a 500
run(process.execPath, [
  '--import',
  './scripts/method-guard.mjs',
  'node_modules/next/dist/bin/next',
  'start',
  '-H',
  host,
  '-p',
  port,
]);
