/**
 * npm run db:restore -- <file>: replaces the app's database (DATABASE_URL, else DATABASE_PATH)
 * with a backup made by db:backup. Stop the server first: the restore refuses while another
 * connection uses the database, and refuses a file that is not a Villi database backup.
 * SQLite: the backup is copied beside the database, checked, and renamed into place (atomic).
 * PostgreSQL: pg_restore --clean --if-exists --no-owner in one transaction.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { z } from 'zod';
import { type DbConfig, dbConfigFromEnv } from '../db/client';
import { describeDatabase } from './db-backup';
import { pgToolError, runPgTool } from './pg-tools';

/** Tables every Villi database has, whatever its migrations since. */
export const VILLI_TABLES = ['foods', 'recipes', 'protocols', 'profiles', 'plans', 'plan_meals'];

const STOP_FIRST = 'stop the server first';

function notVilli(file: string, why: string): Error {
  return new Error(`${file} is not a Villi database backup (${why}); nothing was changed`);
}

/** Why a SQLite file is not a usable Villi database, or null when it is. */
function sqliteProblem(conn: Database.Database): string | null {
  const names = z
    .array(z.object({ name: z.string() }))
    .parse(conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all())
    .map((r) => r.name);
  const missing = VILLI_TABLES.filter((t) => !names.includes(t));
  if (missing.length > 0) return `no ${missing.join(', ')} table`;
  const check = conn.pragma('quick_check', { simple: true });
  return check === 'ok' ? null : `damaged: ${String(check)}`;
}

function checkSqliteBackup(copy: string, file: string): void {
  let problem: string | null;
  try {
    const conn = new Database(copy, { fileMustExist: true });
    try {
      problem = sqliteProblem(conn);
    } finally {
      conn.close();
    }
  } catch (error) {
    // better-sqlite3 says "file is not a database" for anything that is not SQLite.
    problem = error instanceof Error ? error.message : String(error);
  }
  if (problem) throw notVilli(file, problem);
}

/** Refuses while another connection (the server) has the file open: its lock blocks ours. */
function checkSqliteUnused(path: string): void {
  if (!existsSync(path)) return;
  const conn = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    conn.pragma('locking_mode = EXCLUSIVE');
    conn.exec('BEGIN EXCLUSIVE');
    conn.exec('COMMIT');
  } catch {
    throw new Error(`${path} is in use by another process; ${STOP_FIRST}`);
  } finally {
    conn.close();
  }
}

function restoreSqlite(path: string, file: string): void {
  const tmp = `${path}.restore-${process.pid}`;
  try {
    copyFileSync(file, tmp);
    checkSqliteBackup(tmp, file);
    checkSqliteUnused(path);
    // The old database's write-ahead log would be replayed onto the restored file.
    for (const s of ['-wal', '-shm']) rmSync(`${path}${s}`, { force: true });
    renameSync(tmp, path);
  } finally {
    for (const s of ['', '-wal', '-shm']) rmSync(`${tmp}${s}`, { force: true });
  }
}

/**
 * Other sessions on the database. A client that has just disconnected (a backup's pg_dump a
 * moment ago) stays listed until its backend exits, so the count is asked again for up to 2 s
 * before it is taken as a running server.
 */
async function otherSessions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let n = 0;
    for (let attempt = 0; attempt < 10; attempt++) {
      const { rows } = await client.query(
        'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      n = z.coerce.number().parse(rows[0]?.n);
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    return n;
  } finally {
    await client.end();
  }
}

async function restorePostgres(url: string, file: string): Promise<void> {
  const list = runPgTool('pg_restore', url, ['--list', file]);
  if (list.status !== 0) throw notVilli(file, 'not a pg_dump custom-format archive');
  const missing = VILLI_TABLES.filter((t) => !new RegExp(`TABLE public ${t} `).test(list.stdout));
  if (missing.length > 0) throw notVilli(file, `no ${missing.join(', ')} table`);
  const sessions = await otherSessions(url);
  if (sessions > 0) throw new Error(`${sessions} other session(s) use the database; ${STOP_FIRST}`);
  const r = runPgTool('pg_restore', url, [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--single-transaction',
    file,
  ]);
  if (r.status !== 0) throw pgToolError('pg_restore', r);
}

export async function restoreDatabase(config: DbConfig, file: string): Promise<void> {
  const source = resolve(file);
  if (!existsSync(source)) throw new Error(`no backup at ${source}`);
  if (config.url) await restorePostgres(config.url, source);
  else restoreSqlite(resolve(config.path), source);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run db:restore -- <file>   (stop the server first)');
    process.exit(2);
  }
  const config = dbConfigFromEnv();
  console.log(`restoring ${describeDatabase(config)} from ${resolve(file)}; ${STOP_FIRST}`);
  try {
    await restoreDatabase(config, file);
    console.log('restored; start the server again');
  } catch (error) {
    console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
