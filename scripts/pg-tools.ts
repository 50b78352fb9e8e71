import { spawnSync } from 'node:child_process';

/**
 * Runs a PostgreSQL client tool (pg_dump, pg_restore) against `url`. The password travels in
 * PGPASSWORD, not on the command line where any user's `ps` would show it.
 */
export function runPgTool(
  tool: 'pg_dump' | 'pg_restore',
  url: string,
  args: string[],
): { status: number; stdout: string; stderr: string } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const r = spawnSync(tool, [`--dbname=${u.toString()}`, ...args], { env, encoding: 'utf8' });
  if (r.error) {
    throw new Error(
      `${tool} could not run (${r.error.message}); install the PostgreSQL client tools of the server's version`,
    );
  }
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

/** The message of a failed tool run: its own error output. */
export function pgToolError(tool: string, r: { status: number; stderr: string }): Error {
  return new Error(`${tool} failed (exit ${r.status}): ${r.stderr.trim()}`);
}
