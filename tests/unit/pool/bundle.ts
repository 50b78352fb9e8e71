import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Bundles a worker entry with the app's own build script into .tmp; returns the file. */
export function bundleWorker(entry: string, name: string): string {
  const dir = join(process.cwd(), '.tmp', 'pool-tests');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}-${process.pid}.mjs`);
  execFileSync(
    process.execPath,
    ['scripts/build-worker.mjs', '--entry', entry, '--outfile', outfile],
    {
      stdio: 'pipe',
    },
  );
  return outfile;
}
