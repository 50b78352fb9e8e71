import { is } from 'drizzle-orm';
import { PgTable, getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { SQLiteTable, getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pgSchema from '../../../db/schema/pg';
import * as sqliteSchema from '../../../db/schema/sqlite';

/**
 * The repositories are typed against the SQLite tables and run on the PostgreSQL ones, so the
 * two declarations must describe the same columns, keys and indexes. Each engine's column
 * types map to one engine-neutral kind; a type outside the map is a mistake, not a new kind.
 */
const SQLITE_KINDS: Record<string, string> = {
  SQLiteText: 'text',
  SQLiteInteger: 'integer',
  SQLiteReal: 'real',
  SQLiteBoolean: 'boolean',
  SQLiteTextJson: 'json',
};
const PG_KINDS: Record<string, string> = {
  PgText: 'text',
  PgInteger: 'integer',
  PgDoublePrecision: 'real',
  PgBoolean: 'boolean',
  PgJsonb: 'json',
};

type ColumnShape = {
  kind: string;
  enumValues: string[] | undefined;
  notNull: boolean;
  hasDefault: boolean;
  default: unknown;
  generated: boolean;
};

type TableShape = {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  foreignKeys: { columns: string[]; table: string; foreignColumns: string[]; onDelete: string }[];
  indexes: { name: string; columns: string[]; unique: boolean }[];
};

function kindOf(kinds: Record<string, string>, columnType: string): string {
  const kind = kinds[columnType];
  if (!kind) throw new Error(`unmapped column type ${columnType}`);
  return kind;
}

type AnyConfig = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

/** The engine-neutral description of one table; `generated` = the engine assigns the key. */
function shape(
  config: AnyConfig,
  kinds: Record<string, string>,
  generated: (column: AnyConfig['columns'][number]) => boolean,
): TableShape {
  const columns: Record<string, ColumnShape> = {};
  for (const c of config.columns) {
    columns[c.name] = {
      kind: kindOf(kinds, c.columnType),
      enumValues: c.enumValues,
      notNull: c.notNull,
      hasDefault: c.hasDefault,
      default: c.default,
      generated: generated(c),
    };
  }
  const single = config.columns.filter((c) => c.primary).map((c) => c.name);
  const composite = config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name));
  return {
    columns,
    primaryKey: [...single, ...composite].sort(),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return {
          columns: ref.columns.map((c) => c.name),
          table: getName(ref.foreignTable),
          foreignColumns: ref.foreignColumns.map((c) => c.name),
          onDelete: fk.onDelete ?? 'no action',
        };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
    indexes: config.indexes
      .map((i) => ({
        name: i.config.name ?? '',
        columns: i.config.columns.map((c) =>
          'name' in c && typeof c.name === 'string' ? c.name : '?',
        ),
        unique: i.config.unique ?? false,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function getName(table: SQLiteTable | PgTable): string {
  if (is(table, SQLiteTable)) return sqliteConfig(table).name;
  return pgConfig(table).name;
}

function sqliteShapes(): Record<string, TableShape> {
  const out: Record<string, TableShape> = {};
  for (const value of Object.values(sqliteSchema)) {
    if (!is(value, SQLiteTable)) continue;
    const config = sqliteConfig(value);
    out[config.name] = shape(
      config,
      SQLITE_KINDS,
      (c) => 'autoIncrement' in c && c.autoIncrement === true,
    );
  }
  return out;
}

function pgShapes(): Record<string, TableShape> {
  const out: Record<string, TableShape> = {};
  for (const value of Object.values(pgSchema)) {
    if (!is(value, PgTable)) continue;
    const config = pgConfig(value);
    out[config.name] = shape(
      config,
      PG_KINDS,
      (c) => 'generatedIdentity' in c && c.generatedIdentity?.type === 'byDefault',
    );
  }
  return out;
}

describe('the PostgreSQL schema declares the same tables as the SQLite schema', () => {
  const sqlite = sqliteShapes();
  const pg = pgShapes();

  it('has the same tables', () => {
    expect(Object.keys(sqlite).length).toBeGreaterThan(10);
    expect(Object.keys(pg).sort()).toEqual(Object.keys(sqlite).sort());
  });

  it.each(Object.keys(sqlite).sort())('%s: same columns, keys and indexes', (name) => {
    expect(pg[name]).toEqual(sqlite[name]);
  });

  it('maps an auto-increment key to an identity the application may also set', () => {
    expect(sqlite.plans?.columns.id?.generated).toBe(true);
    expect(pg.plans?.columns.id?.generated).toBe(true);
  });
});
