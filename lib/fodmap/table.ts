import { z } from 'zod';
import { parseCsv } from './csv';

/** Subgroup words the serving table uses in `subgroups_above`. */
export const TABLE_SUBGROUPS = [
  'fructose',
  'lactose',
  'fructans',
  'GOS',
  'sorbitol',
  'mannitol',
  'perseitol',
] as const;
export type TableSubgroup = (typeof TABLE_SUBGROUPS)[number];

/** How far a row's value is from the Monash app: the first bracket of its note. */
export const SOURCE_TIERS = ['monash-direct', 'secondary', 'tertiary', 'unsourced'] as const;
export type SourceTier = (typeof SOURCE_TIERS)[number];

export const SERVING_COLUMNS = [
  'food',
  'usda_hint',
  'green_max_g',
  'amber_from_g',
  'red_from_g',
  'subgroups_above',
  'unlimited',
  'source',
  'note',
] as const;

/** Grams; a blank cell is unknown (null), never 0. */
const grams = z
  .string()
  .trim()
  .refine((s) => s === '' || (/^\d+(\.\d+)?$/.test(s) && Number.isFinite(Number(s))), {
    message: 'grams must be blank or a non-negative number',
  })
  .transform((s) => (s === '' ? null : Number(s)));

/** The tier named first in the note's leading bracket, or "unsourced - verify". */
export function tierOf(note: string): SourceTier | null {
  const text = note.trim().toLowerCase();
  if (text.startsWith('unsourced')) return 'unsourced';
  const bracket = /^\[([^\]]+)\]/.exec(text)?.[1];
  if (!bracket) return null;
  if (bracket.startsWith('monash-direct')) return 'monash-direct';
  if (bracket.startsWith('secondary')) return 'secondary';
  if (bracket.startsWith('tertiary')) return 'tertiary';
  return null;
}

/** One row of `seeds/fodmap/fodmap-servings.csv` (columns as in its README), validated. */
export const servingRowSchema = z
  .object({
    food: z.string().trim().min(1),
    usda_hint: z.string(),
    green_max_g: grams,
    amber_from_g: grams,
    red_from_g: grams,
    subgroups_above: z
      .string()
      .trim()
      .transform((s) => (s === '' ? [] : s.split('|').map((x) => x.trim())))
      .pipe(z.array(z.enum(TABLE_SUBGROUPS))),
    unlimited: z.enum(['true', 'false']).transform((s) => s === 'true'),
    source: z.string().trim().min(1),
    note: z.string().trim().min(1),
  })
  .transform((r, ctx) => {
    const tier = tierOf(r.note);
    if (tier === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message:
          'a note starts with a tier: [Monash-direct…], [secondary…], [tertiary…] or "unsourced"',
      });
      return z.NEVER;
    }
    return {
      food: r.food,
      usdaHint: r.usda_hint,
      greenMaxG: r.green_max_g,
      amberFromG: r.amber_from_g,
      redFromG: r.red_from_g,
      subgroupsAbove: [...new Set(r.subgroups_above)],
      unlimited: r.unlimited,
      source: r.source,
      note: r.note,
      tier,
    };
  });
export type ServingRow = z.output<typeof servingRowSchema>;

/** One per-serve cut-off row of `seeds/fodmap/cutoffs.csv`. */
export const cutoffRowSchema = z.object({
  subgroup: z.string().trim().min(1),
  cutoff_g_per_serve: z.coerce.number().positive(),
  source: z.string().trim().min(1),
});
export type CutoffRow = z.output<typeof cutoffRowSchema>;

const ndbSchema = z.string().regex(/^\d{5}$/, 'an NDB number has five digits');

/**
 * The reviewed match file: one entry per serving-table row, in any order, naming the foods the
 * row applies to. `unmatched` rows say why no food fits; an NDB belongs to at most one row.
 */
export const matchFileSchema = z
  .object({
    rows: z.array(
      z
        .object({
          food: z.string().min(1),
          status: z.enum(['matched', 'unmatched']),
          ndbs: z.array(ndbSchema),
          note: z.string().min(1),
        })
        .strict()
        .superRefine((m, ctx) => {
          if (m.status === 'matched' && m.ndbs.length === 0)
            ctx.addIssue({ code: 'custom', path: ['ndbs'], message: 'a matched row names foods' });
          if (m.status === 'unmatched' && m.ndbs.length > 0)
            ctx.addIssue({
              code: 'custom',
              path: ['ndbs'],
              message: 'an unmatched row names none',
            });
        }),
    ),
  })
  .strict()
  .superRefine((file, ctx) => {
    const owner = new Map<string, number>();
    const foods = new Map<string, number>();
    file.rows.forEach((m, i) => {
      if (foods.has(m.food))
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i, 'food'],
          message: `"${m.food}" is listed twice (first at rows.${foods.get(m.food)})`,
        });
      foods.set(m.food, i);
      m.ndbs.forEach((ndb, j) => {
        if (owner.has(ndb))
          ctx.addIssue({
            code: 'custom',
            path: ['rows', i, 'ndbs', j],
            message: `NDB ${ndb} is already matched by rows.${owner.get(ndb)}`,
          });
        owner.set(ndb, i);
      });
    });
  });
export type MatchFile = z.output<typeof matchFileSchema>;

/** Thrown when the serving table or its match file is invalid; each issue names its path. */
export class ServingTableError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`invalid FODMAP serving data:\n${issues.join('\n')}`);
    this.name = 'ServingTableError';
    this.issues = issues;
  }
}

export type ServingTable = {
  rows: ServingRow[];
  cutoffs: CutoffRow[];
  matches: MatchFile['rows'];
  /** NDB → the row that applies to it. */
  byNdb: Map<string, ServingRow>;
};

function objectsOf(
  file: string,
  text: string,
  columns: readonly string[],
  issues: string[],
): Record<string, string>[] {
  let cells: string[][];
  try {
    cells = parseCsv(text);
  } catch (error) {
    issues.push(`${file}: ${(error as Error).message}`);
    return [];
  }
  const [header, ...body] = cells;
  if (!header || header.join(',') !== columns.join(',')) {
    issues.push(`${file}: header must be ${columns.join(',')}`);
    return [];
  }
  return body.flatMap((cellsOfRow, i) => {
    if (cellsOfRow.length !== columns.length) {
      issues.push(`${file}: row ${i + 2}: ${cellsOfRow.length} fields, expected ${columns.length}`);
      return [];
    }
    return [Object.fromEntries(columns.map((c, j) => [c, cellsOfRow[j] ?? '']))];
  });
}

/**
 * Validates the serving table, the cut-offs and the match file together. Every table row needs
 * exactly one match entry and every entry a table row, so nothing is silently dropped. Row
 * numbers are CSV lines (the header is line 1), e.g.
 * `fodmap-servings.csv: row 12 (Sweet potato): green_max_g: grams must be …`.
 */
export function parseServingTable(input: {
  servingsCsv: string;
  cutoffsCsv: string;
  matchesJson: unknown;
}): ServingTable {
  const issues: string[] = [];
  const rows: ServingRow[] = [];
  const rawRows = objectsOf('fodmap-servings.csv', input.servingsCsv, SERVING_COLUMNS, issues);
  // A row that fails validation is still a row: the match file is checked against every name.
  const tableFoods = new Set(rawRows.map((r) => (r.food ?? '').trim()));
  rawRows.forEach((raw, i) => {
    const parsed = servingRowSchema.safeParse(raw);
    if (parsed.success) rows.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        issues.push(
          `fodmap-servings.csv: row ${i + 2} (${raw.food}): ${issue.path.join('.')}: ${issue.message}`,
        );
  });
  const cutoffs: CutoffRow[] = [];
  objectsOf(
    'cutoffs.csv',
    input.cutoffsCsv,
    ['subgroup', 'cutoff_g_per_serve', 'source'],
    issues,
  ).forEach((raw, i) => {
    const parsed = cutoffRowSchema.safeParse(raw);
    if (parsed.success) cutoffs.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        issues.push(`cutoffs.csv: row ${i + 2}: ${issue.path.join('.')}: ${issue.message}`);
  });
  const matches = matchFileSchema.safeParse(input.matchesJson);
  if (!matches.success) {
    for (const issue of matches.error.issues)
      issues.push(`matches.json: ${issue.path.join('.')}: ${issue.message}`);
  }
  const byNdb = new Map<string, ServingRow>();
  if (matches.success) {
    const rowByFood = new Map(rows.map((r) => [r.food, r]));
    const listed = new Set<string>();
    matches.data.rows.forEach((m, i) => {
      listed.add(m.food);
      const row = rowByFood.get(m.food);
      if (!tableFoods.has(m.food)) {
        issues.push(`matches.json: rows.${i}.food: "${m.food}" is not a row of the serving table`);
        return;
      }
      if (row) for (const ndb of m.ndbs) byNdb.set(ndb, row);
    });
    for (const food of tableFoods)
      if (!listed.has(food))
        issues.push(`matches.json: the serving-table row "${food}" is neither matched nor listed`);
  }
  if (issues.length > 0) throw new ServingTableError(issues);
  return { rows, cutoffs, matches: matches.success ? matches.data.rows : [], byNdb };
}

export type CoverageReport = {
  /** Rows the match file lists as unmatched, with the reviewer's reason. */
  unmatched: { food: string; note: string }[];
  /** Matched NDBs that are not (yet) foods in the catalog, e.g. derived foods still to come. */
  missingFoods: { food: string; ndb: string }[];
  matchedRows: number;
  matchedFoods: number;
};

/** What the match file covers against the foods that exist (`knownNdbs`). */
export function coverageOf(table: ServingTable, knownNdbs: ReadonlySet<string>): CoverageReport {
  const unmatched = table.matches
    .filter((m) => m.status === 'unmatched')
    .map(({ food, note }) => ({ food, note }));
  const missingFoods = table.matches.flatMap((m) =>
    m.ndbs.filter((ndb) => !knownNdbs.has(ndb)).map((ndb) => ({ food: m.food, ndb })),
  );
  const matched = table.matches.filter((m) => m.status === 'matched');
  return {
    unmatched,
    missingFoods,
    matchedRows: matched.length,
    matchedFoods: matched.reduce((a, m) => a + m.ndbs.filter((n) => knownNdbs.has(n)).length, 0),
  };
}
