/**
 * npm run db:backup -- <file>: a copy of the app's database (DATABASE_URL, else DATABASE_PATH)
 * that db:restore reads back. Safe while the app runs: SQLite through the online backup API,
 * PostgreSQL through pg_dump (custom format, one consistent snapshot). The file appears only
 * when the backup is complete (written beside it, then renamed).
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type DbConfig, dbConfigFromEnv } from '../db/client';
import { pgToolError, runPgTool } from './pg-tools';

async function backupSqlite(path: string, tmp: string): Promise<void> {
  if (!existsSync(path)) throw new Error(`no database at ${path}`);
  const source = new Database(path, { fileMustExist: true });
  try {
    await source.backup(tmp);
  } finally {
    source.close();
  }
}

function backupPostgres(url: string, tmp: string): void {
  const r = runPgTool('pg_dump', url, ['--format=custom', `--file=${tmp}`]);
  if (r.status !== 0) throw pgToolError('pg_dump', r);
}

export async function backupDatabase(config: DbConfig, file: string): Promise<void> {
  const target = resolve(file);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.partial-${process.pid}`;
  try {
    if (config.url) backupPostgres(config.url, tmp);
    else await backupSqlite(resolve(config.path), tmp);
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** What the messages call the database: the file, or the PostgreSQL database without credentials. */
export function describeDatabase(config: DbConfig): string {
  if (!config.url) return resolve(config.path);
  const u = new URL(config.url);
  return `PostgreSQL ${u.host}${u.pathname}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run db:backup -- <file>');
    process.exit(2);
  }
  const config = dbConfigFromEnv();
  try {
    await backupDatabase(config, file);
    console.log(`backed up ${describeDatabase(config)} to ${resolve(file)}`);
  } catch (error) {
    console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
