import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { type BaseSQLiteDatabase, SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import { readEnv } from '../lib/env';
import * as pgTables from './schema/pg';
import * as sqliteTables from './schema/sqlite';

export type Engine = 'sqlite' | 'postgres';

/** The tables, typed once: the PostgreSQL declarations describe the same columns (tested). */
export type Tables = typeof sqliteTables;

/**
 * The query builder every repository uses, typed as drizzle's async SQLite database. On
 * PostgreSQL the object is drizzle's node-postgres database with the PostgreSQL tables; the
 * two agree on every call repositories make (select, insert … returning, update, delete,
 * onConflictDo…, awaited), and the integration suite runs on both engines to keep it so.
 * Never `.get()`, `.all()`, `.run()` or `db.orm.transaction`: use `await` and `Db.transaction`.
 */
export type Orm = BaseSQLiteDatabase<'async', unknown, Tables>;

export type Db = {
  readonly engine: Engine;
  readonly orm: Orm;
  readonly t: Tables;
  /** The same object for a handle and every transaction on it: key per-database caches on it. */
  readonly cacheKey: object;
  /**
   * Runs `fn` as one transaction; a throw rolls everything back. Nested calls join the outer
   * transaction. Every write goes through here (SQLite: one writer connection, serialized).
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Raw SQL for what the builder cannot say (full-text search); rows are parsed by the caller. */
  rows(query: SQL): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
  /** SQLite only: the reader connection, for backups and pragmas. */
  readonly sqlite?: Database.Database;
};

export type DbConfig = { url?: string; path: string };

/** The database the environment names: DATABASE_URL (PostgreSQL) or DATABASE_PATH (SQLite). */
export function dbConfigFromEnv(env: Record<string, string | undefined> = process.env): DbConfig {
  const { DATABASE_PATH, DATABASE_URL } = readEnv(env);
  return { url: DATABASE_URL, path: DATABASE_PATH };
}

export function openDb(config: DbConfig | string): Db {
  const c = typeof config === 'string' ? { path: config } : config;
  return c.url ? openPostgres(c.url) : openSqlite(c.path);
}

function openSqliteConnection(file: string): Database.Database {
  const conn = new Database(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  conn.pragma('synchronous = NORMAL');
  return conn;
}

/** A promise chain that lets one holder in at a time. */
function createMutex(): () => Promise<() => void> {
  let tail: Promise<void> = Promise.resolve();
  return async () => {
    let release!: () => void;
    const next = new Promise<void>((r) => {
      release = r;
    });
    const previous = tail;
    tail = previous.then(() => next);
    await previous;
    return release;
  };
}

function sqliteRows(conn: Database.Database) {
  const dialect = new SQLiteSyncDialect();
  return async (query: SQL): Promise<Record<string, unknown>[]> => {
    // One prepared statement: better-sqlite3 refuses `all()` on one that returns no rows.
    const { sql, params } = dialect.sqlToQuery(query);
    const statement = conn.prepare<unknown[], Record<string, unknown>>(sql);
    if (!statement.reader) {
      statement.run(...params);
      return [];
    }
    return statement.all(...params);
  };
}

/**
 * SQLite: a reader connection for queries outside transactions and one writer connection.
 * better-sqlite3 is synchronous, so an `async` transaction callback would let other requests'
 * statements run inside it; the writer is therefore serialized by a mutex and used only in
 * `transaction`, and readers (WAL) see committed data only.
 */
function openSqlite(path: string): Db {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const reader = openSqliteConnection(file);
  const writer = file === ':memory:' ? reader : openSqliteConnection(file);
  const ormOf = (conn: Database.Database) =>
    drizzleSqlite({ client: conn, schema: sqliteTables }) as unknown as Orm;
  const lock = createMutex();
  const base = {
    engine: 'sqlite' as const,
    t: sqliteTables,
    cacheKey: {},
    sqlite: reader,
    async close() {
      reader.close();
      if (writer !== reader) writer.close();
    },
  };
  const tx: Db = {
    ...base,
    orm: ormOf(writer),
    rows: sqliteRows(writer),
    transaction: (fn) => fn(tx),
  };
  return {
    ...base,
    orm: ormOf(reader),
    rows: sqliteRows(reader),
    async transaction(fn) {
      const release = await lock();
      writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(tx);
        writer.exec('COMMIT');
        return result;
      } catch (error) {
        if (writer.inTransaction) writer.exec('ROLLBACK');
        throw error;
      } finally {
        release();
      }
    },
  };
}

type PgOrm = NodePgDatabase<typeof pgTables>;

function pgDb(orm: PgOrm, close: () => Promise<void>, cacheKey: object | null): Db {
  const db: Db = {
    engine: 'postgres',
    cacheKey: cacheKey ?? {},
    // The one place the PostgreSQL builder and tables take the shared type (see `Orm`).
    orm: orm as unknown as Orm,
    t: pgTables as unknown as Tables,
    async rows(query) {
      const result = await orm.execute(query);
      return result.rows;
    },
    transaction: cacheKey
      ? (fn) => fn(db)
      : (fn) => orm.transaction((tx) => fn(pgDb(tx as unknown as PgOrm, close, db.cacheKey))),
    close,
  };
  return db;
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const orm = drizzlePg({ client: pool, schema: pgTables });
  return pgDb(orm, () => pool.end(), null);
}

const globalForDb = globalThis as unknown as { villiDb?: Db; villiDbKey?: string };

/** The app's shared handle, cached on globalThis so dev reloads reuse one pool. */
export function getDb(): Db {
  const config = dbConfigFromEnv();
  const key = config.url ?? config.path;
  if (!globalForDb.villiDb || globalForDb.villiDbKey !== key) {
    const previous = globalForDb.villiDb;
    globalForDb.villiDb = openDb(config);
    globalForDb.villiDbKey = key;
    void previous?.close();
  }
  return globalForDb.villiDb;
}
