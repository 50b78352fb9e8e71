import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  amdr,
  LIFE_STAGES,
  lifeStageFor,
  micronutrientDri,
  missingDriRows,
  parseDriCsv,
  parseDriRows,
  retinolUl,
  saturatedFatMaxPct,
  sodiumCdrr,
} from '@/lib/nutrition/dri';
import type { MicronutrientKey } from '@/lib/nutrition/nutrient-model';
import { loadDriTable } from '@/seeds/dri/load';

const table = loadDriTable();

describe('seeds/dri/dri.csv', () => {
  it('loads all 448 rows (32 nutrient/unit/kind combinations × 14 life stages)', () => {
    expect(table.rows).toHaveLength(448);
    expect(missingDriRows(table)).toEqual([]);
  });

  const header = 'nutrient,unit,life_stage,kind_of_target,target,ul,ul_applies_to,cdrr,source,note';
  const good = 'iron,mg/day,female 19-30,RDA,18,45,total intake,,https://example.org,ok';

  it('names the line and field of a bad row', () => {
    const bad = 'iron,mg/day,female 19-30,RDA,eighteen,45,total intake,,https://example.org,ok';
    expect(() => parseDriCsv(`${header}\n${good.replace('19-30', '31-50')}\n${bad}\n`)).toThrow(
      'dri.csv: line 3 (iron, female 19-30): target: target of an RDA row must be a positive number, got "eighteen"',
    );
  });

  it('refuses an unknown life stage, a wrong field count and a repeated key', () => {
    const stage = good.replace('female 19-30', 'female 19-35');
    expect(() => parseDriCsv(`${header}\n${stage}\n`)).toThrow(
      /line 2 .*life_stage: life_stage must be one of/,
    );
    expect(() => parseDriCsv(`${header}\niron,mg/day\n`)).toThrow('line 2: 2 fields, expected 10');
    expect(() => parseDriCsv(`${header}\n${good}\n${good}\n`)).toThrow(
      'line 3: iron, mg/day, female 19-30 is given twice',
    );
    expect(() => parseDriCsv(`nutrient,unit\n${good}\n`)).toThrow(/header must be/);
  });

  it('lists a row the targets need that the table lacks', () => {
    const text = readFileSync(join(process.cwd(), 'seeds', 'dri', 'dri.csv'), 'utf8')
      .split('\r\n')
      .filter((line) => !line.startsWith('zinc,mg/day,lactation 31-50,'))
      .join('\r\n');
    expect(missingDriRows(parseDriCsv(text))).toEqual(['zinc (mg/day), lactation 31-50']);
  });

  it('refuses a malformed AMDR range', () => {
    const row = 'protein,% of energy,male 19-30,AMDR,35-10,,n/a,,https://example.org,';
    expect(() => parseDriCsv(`${header}\n${row}\n`)).toThrow(
      /line 2 .*AMDR row must be "low-high"/,
    );
  });
});

describe('parseDriRows (the table as stored in the database)', () => {
  const stored = (): unknown[] => JSON.parse(JSON.stringify(table.rows));

  it('gives back the table the CSV parses to', () => {
    expect(parseDriRows(stored())).toEqual(table);
  });

  it('names a bad row, a repeated key and a missing row', () => {
    const bad = stored();
    bad[3] = { ...table.rows[3], target: { kind: 'amount', amount: -1 } };
    expect(() => parseDriRows(bad)).toThrow(/dri rows: 3\.target\.amount: /);
    const twice = [...stored(), stored()[0]];
    expect(() => parseDriRows(twice)).toThrow(/dri rows: .+ is given twice/);
    const rows = table.rows.filter(
      (r) => !(r.nutrient === 'zinc' && r.lifeStage === 'lactation 31-50'),
    );
    expect(() => parseDriRows(rows)).toThrow(
      'dri rows: missing rows: zinc (mg/day), lactation 31-50',
    );
  });
});

describe('lifeStageFor', () => {
  it.each([
    [{ sex: 'female', ageYears: 14 }, 'female 14-18'],
    [{ sex: 'male', ageYears: 18 }, 'male 14-18'],
    [{ sex: 'male', ageYears: 19 }, 'male 19-30'],
    [{ sex: 'female', ageYears: 30 }, 'female 19-30'],
    [{ sex: 'female', ageYears: 31 }, 'female 31-50'],
    [{ sex: 'male', ageYears: 50 }, 'male 31-50'],
    [{ sex: 'female', ageYears: 51 }, 'female 51-70'],
    [{ sex: 'male', ageYears: 70 }, 'male 51-70'],
    [{ sex: 'female', ageYears: 71 }, 'female 71+'],
    [{ sex: 'male', ageYears: 95 }, 'male 71+'],
    [{ sex: 'female', ageYears: 25, pregnant: true }, 'pregnancy 19-30'],
    [{ sex: 'female', ageYears: 42, pregnant: true }, 'pregnancy 31-50'],
    [{ sex: 'female', ageYears: 19, lactating: true }, 'lactation 19-30'],
    [{ sex: 'female', ageYears: 50, lactating: true }, 'lactation 31-50'],
  ] as const)('%o → %s', (input, stage) => {
    expect(lifeStageFor(input)).toEqual({
      ok: true,
      lifeStage: stage,
      alsoLactation: null,
      note: null,
    });
  });

  it('uses the female 14–18 row for a pregnant or lactating teenager, and says so', () => {
    for (const flags of [{ pregnant: true }, { lactating: true }]) {
      const r = lifeStageFor({ sex: 'female', ageYears: 17, ...flags });
      expect(r).toMatchObject({ ok: true, lifeStage: 'female 14-18' });
      expect(r.ok && r.note).toMatch(/19–50 only.*female 14–18/);
    }
  });

  it('uses lactation 31–50 over 50 and says so', () => {
    const r = lifeStageFor({ sex: 'female', ageYears: 52, lactating: true });
    expect(r).toMatchObject({ ok: true, lifeStage: 'lactation 31-50' });
    expect(r.ok && r.note).toMatch(/lactation 31–50/);
  });

  it('takes both rows when pregnant and lactating', () => {
    expect(
      lifeStageFor({ sex: 'female', ageYears: 33, pregnant: true, lactating: true }),
    ).toMatchObject({
      ok: true,
      lifeStage: 'pregnancy 31-50',
      alsoLactation: 'lactation 31-50',
    });
  });

  it.each([
    [{ sex: 'female', ageYears: 51, pregnant: true }, 'body.pregnant'],
    [{ sex: 'male', ageYears: 30, pregnant: true }, 'body.pregnant'],
    [{ sex: 'male', ageYears: 30, lactating: true }, 'body.lactating'],
    [{ sex: 'female', ageYears: 13 }, 'body.ageYears'],
  ] as const)('refuses %o naming %s', (input, field) => {
    expect(lifeStageFor(input)).toMatchObject({ ok: false, field });
  });
});

// Expected values typed from seeds/dri/dri.csv by hand (calcium, iron, magnesium, potassium,
// zinc, vitamin C, folate DFE, B12, vitamin A RAE), not from the code under test.
const EXPECTED: Record<
  string,
  [number, number, number, number, number, number, number, number, number]
> = {
  'male 14-18': [1300, 11, 410, 3000, 11, 75, 400, 2.4, 900],
  'male 19-30': [1000, 8, 400, 3400, 11, 90, 400, 2.4, 900],
  'male 31-50': [1000, 8, 420, 3400, 11, 90, 400, 2.4, 900],
  'male 51-70': [1000, 8, 420, 3400, 11, 90, 400, 2.4, 900],
  'male 71+': [1200, 8, 420, 3400, 11, 90, 400, 2.4, 900],
  'female 14-18': [1300, 15, 360, 2300, 9, 65, 400, 2.4, 700],
  'female 19-30': [1000, 18, 310, 2600, 8, 75, 400, 2.4, 700],
  'female 31-50': [1000, 18, 320, 2600, 8, 75, 400, 2.4, 700],
  'female 51-70': [1200, 8, 320, 2600, 8, 75, 400, 2.4, 700],
  'female 71+': [1200, 8, 320, 2600, 8, 75, 400, 2.4, 700],
  'pregnancy 19-30': [1000, 27, 350, 2900, 11, 85, 600, 2.6, 770],
  'pregnancy 31-50': [1000, 27, 360, 2900, 11, 85, 600, 2.6, 770],
  'lactation 19-30': [1000, 9, 310, 2800, 12, 120, 500, 2.8, 1300],
  'lactation 31-50': [1000, 9, 320, 2800, 12, 120, 500, 2.8, 1300],
};
const ORDER: MicronutrientKey[] = [
  'calciumMg',
  'ironMg',
  'magnesiumMg',
  'potassiumMg',
  'zincMg',
  'vitaminCMg',
  'folateDfeUg',
  'vitaminB12Ug',
  'vitaminARaeUg',
];
const AI_KEYS = new Set<MicronutrientKey>(['potassiumMg']);

describe('micronutrient RDA/AI per life stage', () => {
  it('covers every life stage', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...LIFE_STAGES].sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (stage, values) => {
    ORDER.forEach((key, i) => {
      const v = micronutrientDri(table, key, stage as (typeof LIFE_STAGES)[number]);
      expect(v.amount, key).toBe(values[i]);
      const kind = AI_KEYS.has(key) ? 'AI' : 'RDA';
      expect(v.basis, key).toBe(`${kind}, ${stage.replace(/(\d)-(\d)/, '$1–$2')}`);
    });
  });

  it('gives units per day as people read them', () => {
    expect(micronutrientDri(table, 'folateDfeUg', 'female 31-50').unit).toBe('µg DFE');
    expect(micronutrientDri(table, 'vitaminARaeUg', 'female 31-50').unit).toBe('µg RAE');
    expect(micronutrientDri(table, 'ironMg', 'female 31-50').unit).toBe('mg');
  });
});

describe('limits per life stage', () => {
  it.each(LIFE_STAGES)('%s: sodium CDRR 2,300 mg and saturated fat below 10 %%', (stage) => {
    expect(sodiumCdrr(table, stage).amount).toBe(2300);
    expect(saturatedFatMaxPct(table, stage).amount).toBe(10);
  });

  it.each([
    ['male 14-18', 2800, [10, 30], [25, 35]],
    ['female 14-18', 2800, [10, 30], [25, 35]],
    ['male 19-30', 3000, [10, 35], [20, 35]],
    ['female 31-50', 3000, [10, 35], [20, 35]],
    ['female 71+', 3000, [10, 35], [20, 35]],
    ['pregnancy 19-30', 3000, [10, 35], [20, 35]],
    ['lactation 31-50', 3000, [10, 35], [20, 35]],
  ] as const)('%s: retinol UL %d µg, protein and fat AMDR', (stage, retinol, protein, fat) => {
    expect(retinolUl(table, stage)).toMatchObject({ amount: retinol, unit: 'µg' });
    const p = amdr(table, 'protein', stage);
    const f = amdr(table, 'total fat', stage);
    expect([p.low, p.high]).toEqual(protein);
    expect([f.low, f.high]).toEqual(fat);
  });
});
