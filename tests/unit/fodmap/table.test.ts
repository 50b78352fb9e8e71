import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../lib/fodmap/csv';
import {
  coverageOf,
  parseServingTable,
  ServingTableError,
  tierOf,
} from '../../../lib/fodmap/table';
import { FODMAP_DIR, loadServingTable } from '../../../seeds/fodmap/load';
import { loadFoods } from '../../../seeds/load-foods';

const read = (name: string) => readFileSync(join(FODMAP_DIR, name), 'utf8');
const servingsCsv = read('fodmap-servings.csv');
const cutoffsCsv = read('cutoffs.csv');
const matchesJson = JSON.parse(read('matches.json')) as {
  rows: { food: string; status: string; ndbs: string[]; note: string }[];
};

/** The CSV with one cell of the row for `food` replaced. */
function withCell(food: string, column: number, value: string): string {
  const rows = parseCsv(servingsCsv);
  const row = rows.find((r) => r[0] === food);
  if (!row) throw new Error(`no row ${food}`);
  row[column] = value;
  return rows
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\n');
}

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ServingTableError) return error.issues;
    throw error;
  }
  return [];
}

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
  });
  it('keeps blank cells blank', () => {
    expect(parseCsv('a,,c\n')).toEqual([['a', '', 'c']]);
  });
});

describe('the shipped serving table', () => {
  const table = loadServingTable();

  it('has all 218 rows and the 8 cut-offs, each row with a source tier', () => {
    expect(table.rows).toHaveLength(218);
    expect(table.cutoffs).toHaveLength(8);
    expect(table.rows.every((r) => r.tier !== null)).toBe(true);
  });

  it('keeps a blank green serve as unknown, not zero', () => {
    const chamomile = table.rows.find((r) => r.food === 'Chamomile tea');
    expect(chamomile?.greenMaxG).toBeNull();
    expect(chamomile?.redFromG).toBe(250);
    const garlic = table.rows.find((r) => r.food === 'Garlic, fresh');
    expect(garlic?.greenMaxG).toBe(0);
  });

  it('reads the tier from the first bracket of the note', () => {
    expect(tierOf('[Monash-direct finding + secondary] x')).toBe('monash-direct');
    expect(tierOf('[tertiary/secondary] x')).toBe('tertiary');
    expect(tierOf('[secondary: RD] x')).toBe('secondary');
    expect(tierOf('unsourced - verify. [tertiary] x')).toBe('unsourced');
    expect(tierOf('no bracket')).toBeNull();
  });

  it('lists every row exactly once in the match file: matched or unmatched with a reason', () => {
    const foods = matchesJson.rows.map((m) => m.food).sort();
    expect(foods).toEqual(table.rows.map((r) => r.food).sort());
    for (const m of matchesJson.rows) expect(m.note.length).toBeGreaterThan(10);
  });

  it('matches only foods that exist: SR21 foods and the derived foods', () => {
    const known = new Set(loadFoods().map((f) => f.ndb));
    const report = coverageOf(table, known);
    expect(report.missingFoods).toEqual([]);
    expect(report.matchedRows + report.unmatched.length).toBe(218);
  });

  it.each([
    ['11507', 'Sweet potato', 75],
    ['09040', 'Banana, common, ripe', 35],
    ['09037', 'Avocado (Hass)', 60],
    ['11291', 'Spring onion / scallion, white bulb', 0],
  ])('NDB %s takes the row %s (green %s g)', (ndb, food, green) => {
    const row = table.byNdb.get(ndb);
    expect(row?.food).toBe(food);
    expect(row?.greenMaxG).toBe(green);
  });
});

describe('a bad serving table fails with its path', () => {
  it('names the row and column of a bad gram value', () => {
    const issues = issuesOf(() =>
      parseServingTable({
        servingsCsv: withCell('Sweet potato', 2, 'seventy'),
        cutoffsCsv,
        matchesJson,
      }),
    );
    expect(issues).toEqual([
      'fodmap-servings.csv: row 2 (Sweet potato): green_max_g: grams must be blank or a non-negative number',
    ]);
  });

  it('names an unknown subgroup word', () => {
    const issues = issuesOf(() =>
      parseServingTable({
        servingsCsv: withCell('Zucchini', 5, 'fructans|xylitol'),
        cutoffsCsv,
        matchesJson,
      }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^fodmap-servings\.csv: row 3 \(Zucchini\): subgroups_above\.1: /);
  });

  it('rejects a note without a source tier', () => {
    const issues = issuesOf(() =>
      parseServingTable({
        servingsCsv: withCell('Carrot', 8, 'looks fine'),
        cutoffsCsv,
        matchesJson,
      }),
    );
    expect(issues[0]).toMatch(/^fodmap-servings\.csv: row 7 \(Carrot\): note: /);
  });

  it('fails when a row is neither matched nor listed', () => {
    const rows = matchesJson.rows.filter((m) => m.food !== 'Okra');
    const issues = issuesOf(() =>
      parseServingTable({ servingsCsv, cutoffsCsv, matchesJson: { rows } }),
    );
    expect(issues).toEqual([
      'matches.json: the serving-table row "Okra" is neither matched nor listed',
    ]);
  });

  it('fails when one NDB is matched by two rows, naming the second', () => {
    const rows = matchesJson.rows.map((m) =>
      m.food === 'Okra' ? { ...m, ndbs: [...m.ndbs, '11124'] } : m,
    );
    const okra = rows.findIndex((m) => m.food === 'Okra');
    const issues = issuesOf(() =>
      parseServingTable({ servingsCsv, cutoffsCsv, matchesJson: { rows } }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      new RegExp(`^matches\\.json: rows\\.${okra}\\.ndbs\\.1: NDB 11124 is already matched`),
    );
  });

  it('fails on a matched row without foods and on a bad NDB', () => {
    const rows = matchesJson.rows.map((m) =>
      m.food === 'Okra' ? { ...m, ndbs: [] } : m.food === 'Taro' ? { ...m, ndbs: ['1151'] } : m,
    );
    const issues = issuesOf(() =>
      parseServingTable({ servingsCsv, cutoffsCsv, matchesJson: { rows } }),
    );
    expect(issues.some((i) => /rows\.\d+\.ndbs: a matched row names foods/.test(i))).toBe(true);
    expect(issues.some((i) => /rows\.\d+\.ndbs\.0: an NDB number has five digits/.test(i))).toBe(
      true,
    );
  });
});
