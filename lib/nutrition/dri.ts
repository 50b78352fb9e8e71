import { z } from 'zod';
import { parseCsv } from '../fodmap/csv';
import type { MicronutrientKey } from './nutrient-model';
import type { Sex } from './targets';

/**
 * US/Canada Dietary Reference Intakes (NASEM/IOM) by life stage, as shipped in
 * `seeds/dri/dri.csv` (provenance in seeds/README.md). Pure: the CSV text comes in, a validated
 * table and per-person lookups come out.
 */

export const DRI_COLUMNS = [
  'nutrient',
  'unit',
  'life_stage',
  'kind_of_target',
  'target',
  'ul',
  'ul_applies_to',
  'cdrr',
  'source',
  'note',
] as const;

/** The 14 life stages of the reference; pregnancy and lactation exist for 19–50 only. */
export const LIFE_STAGES = [
  'male 14-18',
  'male 19-30',
  'male 31-50',
  'male 51-70',
  'male 71+',
  'female 14-18',
  'female 19-30',
  'female 31-50',
  'female 51-70',
  'female 71+',
  'pregnancy 19-30',
  'pregnancy 31-50',
  'lactation 19-30',
  'lactation 31-50',
] as const;
export type LifeStage = (typeof LIFE_STAGES)[number];

export const DRI_KINDS = ['RDA', 'AI', 'AMDR', 'DGA limit', 'none (UL only)'] as const;
export type DriKind = (typeof DRI_KINDS)[number];

/** A target cell: an amount (RDA, AI), a range in % of energy (AMDR), a "<n" limit, or none. */
export type DriTarget =
  | { kind: 'amount'; amount: number }
  | { kind: 'range'; low: number; high: number }
  | { kind: 'below'; limit: number }
  | { kind: 'none' };

export type DriRow = {
  nutrient: string;
  unit: string;
  lifeStage: LifeStage;
  kind: DriKind;
  target: DriTarget;
  /** Tolerable upper intake level in the row's unit; null where none was set ("ND"). */
  ul: number | null;
  ulAppliesTo: string;
  /** Chronic-disease-risk-reduction intake (sodium only). */
  cdrr: number | null;
  source: string;
  note: string;
};

const optionalAmount = (field: string) =>
  z
    .string()
    .regex(/^(\d+(\.\d+)?)?$/, `${field} must be a number or blank`)
    .transform((s) => (s === '' ? null : Number(s)));

const rawRowSchema = z
  .object({
    nutrient: z.string().min(1, 'nutrient is required'),
    unit: z.string().min(1, 'unit is required'),
    life_stage: z.enum(LIFE_STAGES, {
      error: `life_stage must be one of: ${LIFE_STAGES.join(', ')}`,
    }),
    kind_of_target: z.enum(DRI_KINDS, {
      error: `kind_of_target must be one of: ${DRI_KINDS.join(', ')}`,
    }),
    target: z.string(),
    ul: optionalAmount('ul'),
    ul_applies_to: z.string(),
    cdrr: optionalAmount('cdrr'),
    source: z.string().min(1, 'source is required'),
    note: z.string(),
  })
  .transform((r, ctx): DriRow => {
    const target = parseTarget(r.kind_of_target, r.target);
    if (typeof target === 'string') {
      ctx.addIssue({ code: 'custom', path: ['target'], message: target });
    }
    return {
      nutrient: r.nutrient,
      unit: r.unit,
      lifeStage: r.life_stage,
      kind: r.kind_of_target,
      target: typeof target === 'string' ? { kind: 'none' } : target,
      ul: r.ul,
      ulAppliesTo: r.ul_applies_to,
      cdrr: r.cdrr,
      source: r.source,
      note: r.note,
    };
  });

/** Reads a target cell for its kind; a string is the problem. */
function parseTarget(kind: DriKind, text: string): DriTarget | string {
  if (kind === 'RDA' || kind === 'AI') {
    return /^\d+(\.\d+)?$/.test(text) && Number(text) > 0
      ? { kind: 'amount', amount: Number(text) }
      : `target of an ${kind} row must be a positive number, got "${text}"`;
  }
  if (kind === 'AMDR') {
    const m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(text);
    const low = Number(m?.[1]);
    const high = Number(m?.[2]);
    return m && low < high && high <= 100
      ? { kind: 'range', low, high }
      : `target of an AMDR row must be "low-high" in % of energy, got "${text}"`;
  }
  if (kind === 'DGA limit') {
    const m = /^<(\d+(?:\.\d+)?)$/.exec(text);
    return m
      ? { kind: 'below', limit: Number(m[1]) }
      : `target of a DGA limit row must be "<n", got "${text}"`;
  }
  return text === '' ? { kind: 'none' } : `target of a UL-only row must be blank, got "${text}"`;
}

export type DriTable = {
  rows: DriRow[];
  /** `${nutrient}|${unit}|${lifeStage}` → row. */
  byKey: Map<string, DriRow>;
};

const keyOf = (nutrient: string, unit: string, lifeStage: string) =>
  `${nutrient}|${unit}|${lifeStage}`;

/**
 * Parses and validates `dri.csv`. Every problem is collected and thrown together, each naming
 * its line: `dri.csv: line 12 (iron, female 19-30): target: …`. A key (nutrient, unit, life
 * stage) given twice is an error.
 */
export function parseDriCsv(text: string, file = 'dri.csv'): DriTable {
  const issues: string[] = [];
  let cells: string[][];
  try {
    cells = parseCsv(text);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const [header, ...body] = cells;
  if (!header || header.join(',') !== DRI_COLUMNS.join(',')) {
    throw new Error(`${file}: header must be ${DRI_COLUMNS.join(',')}`);
  }
  const rows: DriRow[] = [];
  const byKey = new Map<string, DriRow>();
  body.forEach((cellsOfRow, i) => {
    // line numbers assume one line per row, as the file is written (no newlines inside quotes)
    const line = i + 2;
    if (cellsOfRow.length !== DRI_COLUMNS.length) {
      issues.push(
        `${file}: line ${line}: ${cellsOfRow.length} fields, expected ${DRI_COLUMNS.length}`,
      );
      return;
    }
    const raw = Object.fromEntries(DRI_COLUMNS.map((c, j) => [c, cellsOfRow[j] ?? '']));
    const parsed = rawRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push(
          `${file}: line ${line} (${raw.nutrient}, ${raw.life_stage}): ${issue.path.join('.')}: ${issue.message}`,
        );
      }
      return;
    }
    const key = keyOf(parsed.data.nutrient, parsed.data.unit, parsed.data.lifeStage);
    if (byKey.has(key)) {
      issues.push(`${file}: line ${line}: ${key.replaceAll('|', ', ')} is given twice`);
      return;
    }
    byKey.set(key, parsed.data);
    rows.push(parsed.data);
  });
  if (issues.length > 0) throw new Error(issues.join('\n'));
  return { rows, byKey };
}

const driTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('amount'), amount: z.number().positive() }),
  z.strictObject({ kind: z.literal('range'), low: z.number(), high: z.number() }),
  z.strictObject({ kind: z.literal('below'), limit: z.number() }),
  z.strictObject({ kind: z.literal('none') }),
]);

/** A validated row as stored (reference data in the database), not as written in the CSV. */
export const driRowSchema = z.strictObject({
  nutrient: z.string().min(1),
  unit: z.string().min(1),
  lifeStage: z.enum(LIFE_STAGES),
  kind: z.enum(DRI_KINDS),
  target: driTargetSchema,
  ul: z.number().nullable(),
  ulAppliesTo: z.string(),
  cdrr: z.number().nullable(),
  source: z.string().min(1),
  note: z.string(),
}) satisfies z.ZodType<DriRow>;

/**
 * The DRI table from stored rows (`DriTable.rows` as JSON). Throws naming the first bad row, a
 * key given twice, or the rows the targets need that are missing.
 */
export function parseDriRows(json: unknown): DriTable {
  const parsed = z.array(driRowSchema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`dri rows: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const byKey = new Map<string, DriRow>();
  for (const row of parsed.data) {
    const key = keyOf(row.nutrient, row.unit, row.lifeStage);
    if (byKey.has(key)) throw new Error(`dri rows: ${key.replaceAll('|', ', ')} is given twice`);
    byKey.set(key, row);
  }
  const table = { rows: parsed.data, byKey };
  const missing = missingDriRows(table);
  if (missing.length > 0) throw new Error(`dri rows: missing rows: ${missing.join('; ')}`);
  return table;
}

/** The DRI row of each tracked micronutrient: CSV nutrient name and unit. */
export const MICRONUTRIENT_DRI: Record<MicronutrientKey, { nutrient: string; unit: string }> = {
  calciumMg: { nutrient: 'calcium', unit: 'mg/day' },
  ironMg: { nutrient: 'iron', unit: 'mg/day' },
  magnesiumMg: { nutrient: 'magnesium', unit: 'mg/day' },
  potassiumMg: { nutrient: 'potassium', unit: 'mg/day' },
  zincMg: { nutrient: 'zinc', unit: 'mg/day' },
  vitaminCMg: { nutrient: 'vitamin C', unit: 'mg/day' },
  folateDfeUg: { nutrient: 'folate DFE', unit: 'µg DFE/day' },
  vitaminB12Ug: { nutrient: 'vitamin B12', unit: 'µg/day' },
  vitaminARaeUg: { nutrient: 'vitamin A RAE', unit: 'µg RAE/day' },
};

export type LifeStageInput = {
  sex: Sex;
  ageYears: number;
  pregnant?: boolean;
  lactating?: boolean;
};

export type LifeStageResult =
  | {
      ok: true;
      /** The reference row used. Both pregnant and lactating: the pregnancy row (see `alsoLactation`). */
      lifeStage: LifeStage;
      /** Pregnant and lactating at once: the lactation row too; targets take the higher value. */
      alsoLactation: LifeStage | null;
      /** Why a row other than the obvious one was used, in plain words; null when none. */
      note: string | null;
    }
  | { ok: false; field: 'body.ageYears' | 'body.pregnant' | 'body.lactating'; message: string };

function ageBand(ageYears: number): '14-18' | '19-30' | '31-50' | '51-70' | '71+' {
  if (ageYears <= 18) return '14-18';
  if (ageYears <= 30) return '19-30';
  if (ageYears <= 50) return '31-50';
  if (ageYears <= 70) return '51-70';
  return '71+';
}

/**
 * The DRI life stage for a person. Ages 14–18, 19–30, 31–50, 51–70, 71+ (whole years, bands
 * inclusive). Pregnancy and lactation rows exist for 19–50 only, so:
 * - 14–18 and pregnant or lactating: the female 14–18 row, with a note (the reference has no
 *   teen pregnancy or lactation values in this file; a clinician should set the targets);
 * - pregnant over 50: refused (a validation error on `body.pregnant`);
 * - lactating over 50: the lactation 31–50 row, with a note (the nearest stage; lactation needs
 *   follow milk production, not age);
 * - male and pregnant or lactating: refused;
 * - under 14: refused (Villi does not plan for children).
 */
export function lifeStageFor(input: LifeStageInput): LifeStageResult {
  const { sex, ageYears } = input;
  const pregnant = input.pregnant ?? false;
  const lactating = input.lactating ?? false;
  if (ageYears < 14) {
    return {
      ok: false,
      field: 'body.ageYears',
      message: 'Villi does not plan for children under 14; their pediatric care team does',
    };
  }
  if (sex === 'male' && (pregnant || lactating)) {
    return {
      ok: false,
      field: pregnant ? 'body.pregnant' : 'body.lactating',
      message: `${pregnant ? 'pregnant' : 'lactating'} applies to body.sex "female" only`,
    };
  }
  const band = ageBand(ageYears);
  if (!pregnant && !lactating) {
    return { ok: true, lifeStage: `${sex} ${band}`, alsoLactation: null, note: null };
  }
  if (band === '14-18') {
    return {
      ok: true,
      lifeStage: 'female 14-18',
      alsoLactation: null,
      note: `the reference gives ${pregnant ? 'pregnancy' : 'lactation'} values for ages 19–50 only, so the female 14–18 values are used; a clinician should set these targets`,
    };
  }
  if (pregnant && (band === '51-70' || band === '71+')) {
    return {
      ok: false,
      field: 'body.pregnant',
      message:
        'pregnancy values exist for ages 14–50 only; over 50, ask your clinician to set the targets and leave pregnant unticked',
    };
  }
  const adultBand = band === '19-30' ? '19-30' : '31-50';
  if (pregnant) {
    return {
      ok: true,
      lifeStage: `pregnancy ${adultBand}`,
      alsoLactation: lactating ? `lactation ${adultBand}` : null,
      note: lactating
        ? 'pregnant and breastfeeding: each target is the higher of the pregnancy and lactation values'
        : null,
    };
  }
  return {
    ok: true,
    lifeStage: `lactation ${adultBand}`,
    alsoLactation: null,
    note:
      band === '19-30' || band === '31-50'
        ? null
        : 'the reference gives lactation values for ages 19–50 only, so the lactation 31–50 values are used',
  };
}

/** The row for a key; a missing row is a bug in the data (the loader checks completeness). */
export function driRow(
  table: DriTable,
  nutrient: string,
  unit: string,
  lifeStage: LifeStage,
): DriRow {
  const row = table.byKey.get(keyOf(nutrient, unit, lifeStage));
  if (!row) throw new Error(`dri: no row for ${nutrient} (${unit}), ${lifeStage}`);
  return row;
}

/** A looked-up value with how it was chosen, e.g. `{ amount: 18, basis: "RDA, female 31–50" }`. */
export type DriValue = { amount: number; unit: string; basis: string };

/** "female 31-50" → "female 31–50" for people to read. */
export const displayLifeStage = (s: string) => s.replace(/(\d)-(\d)/g, '$1–$2');

function amountOf(row: DriRow): number {
  if (row.target.kind !== 'amount') {
    throw new Error(`dri: ${row.nutrient}, ${row.lifeStage} has no amount target`);
  }
  return row.target.amount;
}

/** Display unit per day without "/day": "mg", "µg DFE", "µg RAE". */
const perDayUnit = (unit: string) => unit.replace(/\/day$/, '');

/** The RDA or AI of a tracked micronutrient for a life stage. */
export function micronutrientDri(
  table: DriTable,
  key: MicronutrientKey,
  lifeStage: LifeStage,
): DriValue {
  const { nutrient, unit } = MICRONUTRIENT_DRI[key];
  const row = driRow(table, nutrient, unit, lifeStage);
  return {
    amount: amountOf(row),
    unit: perDayUnit(unit),
    basis: `${row.kind}, ${displayLifeStage(lifeStage)}`,
  };
}

/** Sodium: the chronic-disease-risk-reduction intake (2,300 mg/day for every stage from 14 y). */
export function sodiumCdrr(table: DriTable, lifeStage: LifeStage): DriValue {
  const row = driRow(table, 'sodium', 'mg/day', lifeStage);
  if (row.cdrr === null) throw new Error(`dri: sodium, ${lifeStage} has no CDRR`);
  return { amount: row.cdrr, unit: 'mg', basis: `CDRR, ${displayLifeStage(lifeStage)}` };
}

/** Preformed vitamin A (retinol) UL: 3,000 µg adults, 2,800 µg at 14–18. Compare with SR21 retinol. */
export function retinolUl(table: DriTable, lifeStage: LifeStage): DriValue {
  const row = driRow(table, 'retinol', 'µg/day', lifeStage);
  if (row.ul === null) throw new Error(`dri: retinol, ${lifeStage} has no UL`);
  return {
    amount: row.ul,
    unit: 'µg',
    basis: `UL, preformed vitamin A, ${displayLifeStage(lifeStage)}`,
  };
}

/** Saturated fat: below this share of energy (Dietary Guidelines, not a DRI). */
export function saturatedFatMaxPct(table: DriTable, lifeStage: LifeStage): DriValue {
  const row = driRow(table, 'saturated fat', '% of energy', lifeStage);
  if (row.target.kind !== 'below') throw new Error('dri: saturated fat row is not a "<n" limit');
  return { amount: row.target.limit, unit: '% of energy', basis: 'Dietary Guidelines' };
}

/** An AMDR in % of energy: protein (10–35 adults, 10–30 at 14–18) or total fat (20–35, 25–35). */
export function amdr(
  table: DriTable,
  nutrient: 'protein' | 'total fat' | 'carbohydrate',
  lifeStage: LifeStage,
): { low: number; high: number; basis: string } {
  const row = driRow(table, nutrient, '% of energy', lifeStage);
  if (row.target.kind !== 'range') throw new Error(`dri: ${nutrient} AMDR is not a range`);
  return {
    low: row.target.low,
    high: row.target.high,
    basis: `AMDR, ${displayLifeStage(lifeStage)}`,
  };
}

/** Every (nutrient, unit) the targets read, for each of the 14 life stages. */
export const REQUIRED_DRI_ROWS: { nutrient: string; unit: string }[] = [
  ...Object.values(MICRONUTRIENT_DRI),
  { nutrient: 'sodium', unit: 'mg/day' },
  { nutrient: 'retinol', unit: 'µg/day' },
  { nutrient: 'saturated fat', unit: '% of energy' },
  { nutrient: 'protein', unit: '% of energy' },
  { nutrient: 'total fat', unit: '% of energy' },
];

/** Rows the targets need that the table lacks, as "iron (mg/day), female 19-30". */
export function missingDriRows(table: DriTable): string[] {
  return REQUIRED_DRI_ROWS.flatMap(({ nutrient, unit }) =>
    LIFE_STAGES.filter((s) => !table.byKey.has(keyOf(nutrient, unit, s))).map(
      (s) => `${nutrient} (${unit}), ${s}`,
    ),
  );
}
