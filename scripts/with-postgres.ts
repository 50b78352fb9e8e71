/**
 * Runs a command with a PostgreSQL to test against, named by TEST_DATABASE_URL (a superuser
 * connection to a maintenance database). When TEST_DATABASE_URL is unset it starts a
 * throwaway server (temp directory, free port on 127.0.0.1, trust auth, fsync off) and removes
 * it when the command ends, fails or is interrupted.
 *
 *   node --import tsx scripts/with-postgres.ts [--fresh-database] <command> [args...]
 *
 * `--fresh-database` also creates an empty database for the command, sets DATABASE_URL to it
 * and drops it afterwards (the end-to-end server on PostgreSQL).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { constants, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const INSTALL_HINT =
  'PostgreSQL server binaries (initdb, postgres) not found: install them with `apt-get install -y postgresql` (Debian/Ubuntu) or put their directory on PATH, or set TEST_DATABASE_URL to a superuser URL of a running server.';

export type RunningPostgres = { url: string; stop(): Promise<void> };

/** The directory holding initdb and postgres: PATH first, else Debian's newest version. */
export function findPostgresBin(
  env: Record<string, string | undefined> = process.env,
  debian = '/usr/lib/postgresql',
): string | null {
  const hasServer = (dir: string) =>
    existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'));
  const onPath = (env.PATH ?? '').split(delimiter).find((dir) => dir && hasServer(dir));
  if (onPath) return onPath;
  if (!existsSync(debian)) return null;
  const newest = readdirSync(debian)
    .filter((version) => hasServer(join(debian, version, 'bin')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return newest ? join(debian, newest, 'bin') : null;
}

/** PostgreSQL refuses to run as root, so root runs it as the `postgres` OS user. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) {
    throw new Error('running as root needs a `postgres` OS user to run the server as');
  }
  return { uid: Number(uid), gid: Number(gid) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntilReady(url: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`PostgreSQL exited while starting:\n${readFileSync(logFile, 'utf8')}`);
    }
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts a throwaway server; `stop` shuts it down and deletes its directory. */
export async function startPostgres(): Promise<RunningPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(INSTALL_HINT);
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'villi-pg-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (user) chownSync(dir, user.uid, user.gid);
    const data = join(dir, 'data');
    const init = spawnSync(
      join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      { cwd: dir, encoding: 'utf8', ...user },
    );
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stderr || init.error}`);
    const port = await freePort();
    const logFile = join(dir, 'server.log');
    const log = openSync(logFile, 'a');
    const server = spawn(
      join(bin, 'postgres'),
      [
        ['-D', data],
        ['-p', String(port)],
        ['-h', '127.0.0.1'],
        ['-k', dir],
        // Test data is disposable: skip durability for speed.
        ['-c', 'fsync=off'],
        ['-c', 'synchronous_commit=off'],
        ['-c', 'full_page_writes=off'],
        // Every parallel test file holds a pool of its own.
        ['-c', 'max_connections=300'],
      ].flat(),
      // Its own process group: a Ctrl-C reaches the command, which finishes before the server stops.
      { cwd: dir, detached: true, stdio: ['ignore', log, log], ...user },
    );
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    // Last resort if this process ends without calling stop: never leave a server behind.
    const onExit = () => {
      if (server.exitCode === null) server.kill('SIGQUIT');
      removeDir();
    };
    process.once('exit', onExit);
    try {
      await waitUntilReady(url, server, logFile);
    } catch (error) {
      server.kill('SIGQUIT');
      await exited(server);
      process.off('exit', onExit);
      throw error;
    }
    return {
      url,
      async stop() {
        process.off('exit', onExit);
        if (server.exitCode === null && server.signalCode === null) {
          server.kill('SIGINT'); // fast shutdown: ends sessions, no checkpoint wait
          const timer = setTimeout(() => server.kill('SIGQUIT'), 10_000);
          await exited(server);
          clearTimeout(timer);
        }
        removeDir();
      },
    };
  } catch (error) {
    removeDir();
    throw error;
  }
}

const NAME = /^[a-z_][a-z0-9_]*$/;

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`unsafe database name: ${name}`);
  return `"${name}"`;
}

/** The URL of database `name` on the server `url` points at. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates database `name`, empty or as a copy of `template` (which must have no sessions). */
export async function createDatabase(url: string, name: string, template?: string): Promise<void> {
  const from = template ? ` TEMPLATE ${checkName(template)}` : '';
  await admin(url, (c) => c.query(`CREATE DATABASE ${checkName(name)}${from}`));
}

/** Drops every database whose name starts with `prefix`, ending their sessions. */
export async function dropDatabases(url: string, prefix: string): Promise<string[]> {
  checkName(prefix);
  return admin(url, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname DESC',
      [prefix],
    );
    // Copies first (longer names sort after their template), then the template.
    for (const { datname } of rows) {
      // Ends leftover sessions first (what `WITH (FORCE)` does, on servers older than 13 too).
      await c.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [datname],
      );
      await c.query(`DROP DATABASE IF EXISTS ${checkName(datname)}`);
    }
    return rows.map((r) => r.datname);
  });
}

/** A database name unique to this process: prefix, time and process id. */
export function uniqueName(prefix: string): string {
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`;
  checkName(name);
  return name;
}

async function main(argv: string[]): Promise<number> {
  const fresh = argv[0] === '--fresh-database';
  const [command, ...args] = fresh ? argv.slice(1) : argv;
  if (!command) {
    console.error('usage: with-postgres [--fresh-database] <command> [args...]');
    return 2;
  }
  // Signals go to the command; the cleanup below runs once it has ended.
  let child: ChildProcess | undefined;
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = signal;
    child?.kill(signal);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);

  const env = { ...process.env };
  let own: RunningPostgres | undefined;
  let database: string | undefined;
  try {
    if (!env.TEST_DATABASE_URL) {
      own = await startPostgres();
      env.TEST_DATABASE_URL = own.url;
    }
    const server = env.TEST_DATABASE_URL;
    if (fresh) {
      database = uniqueName('villi_app');
      await createDatabase(server, database);
      env.DATABASE_URL = databaseUrl(server, database);
    }
    if (interrupted) return 128 + constants.signals[interrupted];
    const running = spawn(command, args, { stdio: 'inherit', env });
    child = running;
    return await new Promise<number>((resolve) => {
      running.once('error', (error) => {
        console.error(`with-postgres: ${command}: ${error.message}`);
        resolve(127);
      });
      running.once('exit', (status, signal) =>
        resolve(status ?? 128 + (signal ? constants.signals[signal] : 0)),
      );
    });
  } finally {
    // A database on a server of our own goes with the server.
    if (database && !own && env.TEST_DATABASE_URL) {
      await dropDatabases(env.TEST_DATABASE_URL, database);
    }
    await own?.stop();
    for (const s of signals) process.off(s, onSignal);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`with-postgres: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
