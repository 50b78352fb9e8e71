// Bundles the planner worker thread (TypeScript) to one JavaScript file the pool can start:
//   node scripts/build-worker.mjs [--entry app/_server/pool/worker.ts] [--outfile dist/plan-worker.mjs]
// `npm run build` and `npm start` run it; the output directory is gitignored.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values } = parseArgs({
  options: {
    entry: { type: 'string', default: 'app/_server/pool/worker.ts' },
    outfile: { type: 'string', default: 'dist/plan-worker.mjs' },
  },
});

const started = performance.now();
await build({
  entryPoints: [resolve(values.entry)],
  outfile: resolve(values.outfile),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // node: built-ins stay imports; everything else (lib/, zod) is inlined.
  packages: 'bundle',
});
console.log(`built ${values.outfile} in ${Math.round(performance.now() - started)} ms`);
