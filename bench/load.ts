/**
 * Load bench: the built app under `next start` on a fresh seeded database, driven over HTTP by
 * autocannon. POST /api/plans with 20 and 50 clients (replace: true, so a week that already has
 * a plan is replaced, never a 409), GET /api/foods?q=chicken, and /api/health sampled every
 * 50 ms during the plan load from a thread of its own. SQLite always; PostgreSQL on the server
 * BENCH_DATABASE_URL names (a superuser URL: a fresh database is made there and dropped after)
 * or, without it, on a throwaway server when the PostgreSQL binaries are installed.
 *
 * Part of `npm run bench` (skip with --no-load); alone:
 *   node --conditions=react-server --import tsx bench/load.ts [--duration=S] [--no-pg]
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { z } from 'zod';
import { openDb } from '../db/client';
import {
  createDatabase,
  databaseUrl,
  dropDatabases,
  findPostgresBin,
  freePort,
  type RunningPostgres,
  startPostgres,
  uniqueName,
} from '../scripts/with-postgres';
import { percentile } from './stats';
import { printTable } from './table';

export type LoadBenchOptions = {
  /** A seeded SQLite database; the bench runs on a copy. */
  seededSqlite: string;
  /** Seconds per plan run (the goals are for 30). */
  durationS?: number;
  /** false skips the PostgreSQL run. */
  postgres?: boolean;
  log?: (line: string) => void;
};

type Target = { name: string; env: Record<string, string>; cleanup: () => Promise<unknown> };

const WEEKS = ['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21'];
const PROFILES = 60;
/** Feasible kinds of profile, round-robin: every protocol the planner treats apart. */
const PROFILE_BODIES = [
  { protocol: 'aip', allergens: ['fish'] },
  { protocol: 'low-fodmap' },
  { protocol: 'whole30', householdSize: 2 },
  { protocol: 'gut-reset', diet: 'vegetarian' },
  { protocol: 'six-food', leftovers: true },
  { protocol: 'aip', energyKcal: 2400, householdSize: 3 },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function buildIfNeeded(): void {
  const r = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the build failed');
}

type Server = { url: string; stop(): Promise<void> };

/** The SQLite target must not inherit a PostgreSQL URL from the bench's own environment. */
function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, ...rest } = env;
  return rest;
}

/** `next start` on a free port with the target's database; resolves once /api/health is 200. */
async function startServer(env: Record<string, string>, logFile: string): Promise<Server> {
  const port = await freePort();
  const out = openSync(logFile, 'w');
  const child: ChildProcess = spawn(
    process.execPath,
    [join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port)],
    {
      env: { ...withoutDatabaseUrl(process.env), ...env, NODE_ENV: 'production' },
      stdio: ['ignore', out, out],
      // Its own process group, so stopping it stops whatever it started.
      detached: true,
    },
  );
  closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { url, stop };
    await sleep(100);
  }
  await stop();
  throw new Error(
    `the server did not become healthy:\n${readFileSync(logFile, 'utf8').slice(-3000)}`,
  );
}

const idSchema = z.object({ id: z.number() });

/** An owner account and its API token on the target database, made with the command line. */
function benchToken(env: Record<string, string>): string {
  const villi = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/villi.ts', ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`villi ${args.join(' ')} failed:\n${r.stderr}`);
    return r.stdout;
  };
  const email = 'bench@villi.test';
  villi(['users', 'create', '--email', email, '--password', 'bench-password-1']);
  return z
    .object({ token: z.string() })
    .parse(JSON.parse(villi(['tokens', 'create', '--email', email]))).token;
}

/** Profiles the plan load cycles through, each checked to plan (so no 422 counts as an error). */
async function makeProfiles(url: string, auth: Record<string, string>): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < PROFILES; i++) {
    const body = { name: `Load ${i}`, ...PROFILE_BODIES[i % PROFILE_BODIES.length] };
    const res = await fetch(`${url}/api/profiles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(body),
    });
    if (res.status !== 201)
      throw new Error(`POST /api/profiles: ${res.status} ${await res.text()}`);
    const { id } = idSchema.parse(await res.json());
    const plan = await fetch(`${url}/api/plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ profileId: id, weekStart: WEEKS[0], seed: i, replace: true }),
    });
    await plan.arrayBuffer();
    if (plan.status === 201) ids.push(id);
  }
  if (ids.length < PROFILES / 2) throw new Error(`only ${ids.length} profiles could be planned`);
  return ids;
}

type RunRow = {
  name: string;
  clients: number;
  perS: number;
  p50: number;
  p99: number;
  errors: number;
  busy: number;
};

function rowOf(name: string, r: autocannon.Result, okStatus: number): RunRow {
  const count = (status: number) => r.statusCodeStats?.[`${status}`]?.count ?? 0;
  const ok = count(okStatus);
  const busy = count(503);
  const answered = Object.values(r.statusCodeStats ?? {}).reduce((n, s) => n + (s.count ?? 0), 0);
  return {
    name,
    clients: r.connections,
    perS: ok / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    // Anything but the expected answer or a 503, plus connection errors and timeouts.
    errors: answered - ok - busy + r.errors,
    busy,
  };
}

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function planLoad(
  url: string,
  auth: Record<string, string>,
  profiles: number[],
  clients: number,
  durationS: number,
) {
  let n = 0;
  return cannon({
    url,
    connections: clients,
    duration: durationS,
    requests: [
      {
        method: 'POST',
        path: '/api/plans',
        headers: { 'content-type': 'application/json', ...auth },
        setupRequest: (request) => {
          const i = n++;
          const profileId = profiles[i % profiles.length];
          const weekStart = WEEKS[Math.floor(i / profiles.length) % WEEKS.length];
          return { ...request, body: JSON.stringify({ profileId, weekStart, replace: true }) };
        },
      },
    ],
  });
}

/** Latencies of GET /api/health every `everyMs`, from a worker thread (its own event loop). */
function sampleHealth(url: string, everyMs: number): { stop(): Promise<number[]> } {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const samples = [];
    let running = true;
    parentPort.on('message', () => { running = false; });
    (async () => {
      while (running) {
        const t = performance.now();
        try { const r = await fetch(workerData.url + '/api/health'); await r.arrayBuffer(); samples.push(performance.now() - t); }
        catch { samples.push(Number.POSITIVE_INFINITY); }
        const wait = workerData.everyMs - (performance.now() - t);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      parentPort.postMessage(samples);
    })();
  `;
  const worker = new Worker(code, { eval: true, workerData: { url, everyMs } });
  return {
    stop: () =>
      new Promise((resolve, reject) => {
        worker.once('message', (samples: unknown) => {
          void worker.terminate();
          resolve(z.array(z.number()).parse(samples));
        });
        worker.once('error', reject);
        worker.postMessage('stop');
      }),
  };
}

async function sqliteTarget(seeded: string, dir: string): Promise<Target> {
  const path = join(dir, 'bench-load.db');
  for (const s of ['', '-wal', '-shm']) rmSync(`${path}${s}`, { force: true });
  // Checkpoint so the copy holds every committed page.
  const db = openDb(seeded);
  db.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  await db.close();
  copyFileSync(seeded, path);
  return {
    name: 'SQLite',
    env: { DATABASE_PATH: path },
    cleanup: async () => {
      for (const s of ['', '-wal', '-shm']) rmSync(`${path}${s}`, { force: true });
    },
  };
}

/** A fresh seeded PostgreSQL database, or null (with the reason logged) when there is none. */
async function postgresTarget(log: (line: string) => void): Promise<Target | null> {
  let own: RunningPostgres | undefined;
  let server = process.env.BENCH_DATABASE_URL;
  if (!server) {
    if (!findPostgresBin()) {
      log('\n(PostgreSQL skipped: set BENCH_DATABASE_URL or install the PostgreSQL server.)');
      return null;
    }
    own = await startPostgres();
    server = own.url;
  }
  const name = uniqueName('villi_bench');
  await createDatabase(server, name);
  const url = databaseUrl(server, name);
  const seed = spawnSync(process.execPath, ['--import', 'tsx', 'seeds/seed.ts'], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
  const cleanup = async () => {
    if (server) await dropDatabases(server, name);
    await own?.stop();
  };
  if (seed.status !== 0) {
    await cleanup();
    throw new Error(`seeding PostgreSQL failed:\n${seed.stderr}`);
  }
  return { name: 'PostgreSQL', env: { DATABASE_URL: url }, cleanup };
}

const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(1) : '∞');

async function benchTarget(
  target: Target,
  dir: string,
  durationS: number,
  log: (line: string) => void,
): Promise<void> {
  const logFile = join(dir, `bench-load-${target.name.toLowerCase()}.log`);
  const auth = { authorization: `Bearer ${benchToken(target.env)}` };
  const server = await startServer(target.env, logFile);
  try {
    const health = z
      .object({ pool: z.object({ workers: z.number(), max: z.number() }) })
      .parse(await (await fetch(`${server.url}/api/health`)).json());
    const profiles = await makeProfiles(server.url, auth);
    const rows: RunRow[] = [];
    const healthRows: (string | number)[][] = [];
    for (const clients of [20, 50]) {
      const sampler = sampleHealth(server.url, 50);
      const result = await planLoad(server.url, auth, profiles, clients, durationS);
      const samples = await sampler.stop();
      rows.push(rowOf('POST /api/plans', result, 201));
      healthRows.push([
        `during ${clients} clients`,
        samples.length,
        fmt(percentile(samples, 50)),
        fmt(percentile(samples, 99)),
        samples.filter((s) => !Number.isFinite(s)).length,
      ]);
    }
    const foods = await cannon({
      url: `${server.url}/api/foods?q=chicken`,
      headers: auth,
      connections: 20,
      duration: Math.max(5, Math.round(durationS / 3)),
    });
    rows.push(rowOf('GET /api/foods?q=chicken', foods, 200));

    log(
      `\n### ${target.name}: ${availableParallelism()} cores, pool of ${health.pool.workers} worker threads (queue ${health.pool.max}), ${profiles.length} profiles, ${durationS} s per plan run\n`,
    );
    printTable(
      log,
      ['requests', 'clients', 'per s', 'p50 ms', 'p99 ms', 'errors', '503s', 'goal'],
      rows.map((r) => [
        r.name,
        r.clients,
        r.perS.toFixed(1),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        r.errors,
        r.busy,
        r.name.startsWith('POST')
          ? `≥ 50 plans/s on 2 cores${r.clients === 20 ? ', p99 ≤ 500 ms' : ''}, 0 errors`
          : '0 errors',
      ]),
    );
    log('');
    printTable(
      log,
      ['GET /api/health every 50 ms', 'samples', 'p50 ms', 'p99 ms', 'failed', 'goal'],
      healthRows.map((r) => [...r, 'p99 ≤ 50 ms']),
    );
  } finally {
    await server.stop();
  }
}

export async function runLoadBench(options: LoadBenchOptions): Promise<void> {
  const log = options.log ?? console.log;
  const durationS = options.durationS ?? 30;
  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  log('\n## Load: next start under autocannon (plans, food search, health during the load)');
  buildIfNeeded();
  const targets: (() => Promise<Target | null>)[] = [() => sqliteTarget(options.seededSqlite, dir)];
  if (options.postgres !== false) targets.push(() => postgresTarget(log));
  for (const make of targets) {
    const target = await make();
    if (!target) continue;
    try {
      await benchTarget(target, dir, durationS, log);
    } catch (error) {
      // One engine failing still leaves the other's figures.
      log(`\n(${target.name} run failed: ${error instanceof Error ? error.message : error})`);
    } finally {
      await target.cleanup();
    }
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const duration = process.argv.find((a) => a.startsWith('--duration='))?.split('=')[1];
  const { runSeed } = await import('../seeds/seed');
  const seeded = join(process.cwd(), '.tmp', 'bench-load-seed.db');
  for (const s of ['', '-wal', '-shm']) rmSync(`${seeded}${s}`, { force: true });
  await runSeed(seeded, false);
  await runLoadBench({
    seededSqlite: seeded,
    durationS: duration ? Number(duration) : 30,
    postgres: !process.argv.includes('--no-pg'),
  });
}
