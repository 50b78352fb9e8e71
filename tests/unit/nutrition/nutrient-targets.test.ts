import { describe, expect, it } from 'vitest';
import { TRACKED_MICRONUTRIENTS } from '@/lib/nutrition/nutrient-model';
import { describeSource, nutrientTargetsFor, overridesOf } from '@/lib/nutrition/nutrient-targets';
import { loadDriTable } from '@/seeds/dri/load';

const table = loadDriTable();

describe('nutrientTargetsFor', () => {
  it('gives a woman of 35 the female 31–50 values, all defaults', () => {
    const t = nutrientTargetsFor({ sex: 'female', ageYears: 35 }, table);
    expect(t.lifeStage).toBe('female 31-50');
    expect(t.lifeStageNote).toBeUndefined();
    // dri.csv, female 31-50: iron RDA 18 mg, calcium 1000 mg, potassium AI 2600 mg
    expect(t.targets.ironMg).toEqual({
      amount: 18,
      unit: 'mg',
      source: 'default',
      basis: 'RDA, female 31–50',
    });
    expect(t.targets.calciumMg.amount).toBe(1000);
    expect(t.targets.potassiumMg).toMatchObject({ amount: 2600, basis: 'AI, female 31–50' });
    expect(t.caps.sodiumMg).toEqual({
      amount: 2300,
      unit: 'mg',
      source: 'default',
      basis: 'CDRR, female 31–50',
    });
    expect(t.caps.retinolUg).toMatchObject({ amount: 3000, unit: 'µg', source: 'default' });
    expect(t.energyShares.saturatedFatMaxPct.amount).toBe(10);
    expect(t.energyShares.proteinMaxPct.amount).toBe(35);
    expect([t.energyShares.fatMinPct.amount, t.energyShares.fatMaxPct.amount]).toEqual([20, 35]);
    expect(t.avoidPregnancyRisks).toBe(false);
    for (const key of TRACKED_MICRONUTRIENTS) expect(t.targets[key].source).toBe('default');
  });

  it('uses female 31–50 without body data and says so', () => {
    const t = nutrientTargetsFor({}, table);
    expect(t.lifeStage).toBe('female 31-50');
    expect(t.lifeStageNote).toMatch(/no sex or age on the profile/);
    expect(t.targets.ironMg.amount).toBe(18);
    expect(nutrientTargetsFor({ sex: null, ageYears: null }, table)).toEqual(t);
  });

  it('uses the teen values at 16: calcium 1300 mg, retinol UL 2800 µg, protein ≤ 30 %, fat 25–35 %', () => {
    const t = nutrientTargetsFor({ sex: 'male', ageYears: 16 }, table);
    expect(t.lifeStage).toBe('male 14-18');
    expect(t.targets.calciumMg.amount).toBe(1300);
    expect(t.targets.ironMg.amount).toBe(11);
    expect(t.caps.retinolUg.amount).toBe(2800);
    expect(t.energyShares.proteinMaxPct.amount).toBe(30);
    expect(t.energyShares.fatMinPct.amount).toBe(25);
  });

  it('pregnancy: iron 27 mg, folate 600 µg DFE, and pregnancy risks avoided', () => {
    const t = nutrientTargetsFor({ sex: 'female', ageYears: 29, pregnant: true }, table);
    expect(t.lifeStage).toBe('pregnancy 19-30');
    expect(t.targets.ironMg.amount).toBe(27);
    expect(t.targets.folateDfeUg).toMatchObject({
      amount: 600,
      unit: 'µg DFE',
      basis: 'RDA, pregnancy 19–30',
    });
    expect(t.avoidPregnancyRisks).toBe(true);
  });

  it('lactation: vitamin A 1300 µg RAE, vitamin C 120 mg; no pregnancy exclusions', () => {
    const t = nutrientTargetsFor({ sex: 'female', ageYears: 40, lactating: true }, table);
    expect(t.lifeStage).toBe('lactation 31-50');
    expect(t.targets.vitaminARaeUg.amount).toBe(1300);
    expect(t.targets.vitaminCMg.amount).toBe(120);
    expect(t.avoidPregnancyRisks).toBe(false);
  });

  it('pregnant and lactating: the higher of the two rows per nutrient', () => {
    const t = nutrientTargetsFor(
      { sex: 'female', ageYears: 33, pregnant: true, lactating: true },
      table,
    );
    expect(t.lifeStage).toBe('pregnancy 31-50 + lactation 31-50');
    expect(t.targets.ironMg).toMatchObject({ amount: 27, basis: 'RDA, pregnancy 31–50' });
    expect(t.targets.vitaminCMg).toMatchObject({ amount: 120, basis: 'RDA, lactation 31–50' });
    expect(t.targets.folateDfeUg.amount).toBe(600);
    expect(t.targets.zincMg.amount).toBe(12);
    expect(t.avoidPregnancyRisks).toBe(true);
  });

  it('a pregnant 17-year-old gets the female 14–18 values and a note', () => {
    const t = nutrientTargetsFor({ sex: 'female', ageYears: 17, pregnant: true }, table);
    expect(t.lifeStage).toBe('female 14-18');
    expect(t.targets.ironMg.amount).toBe(15);
    expect(t.lifeStageNote).toMatch(/female 14–18/);
    expect(t.avoidPregnancyRisks).toBe(true);
  });

  it('applies overrides with source "set" and keeps the default in the basis', () => {
    const t = nutrientTargetsFor(
      {
        sex: 'male',
        ageYears: 60,
        overrides: {
          calciumMg: 1200,
          sodiumMaxMg: 1500,
          retinolMaxUg: 1500,
          proteinMaxPct: 20,
          saturatedFatMaxPct: 7,
        },
      },
      table,
    );
    expect(t.targets.calciumMg).toEqual({
      amount: 1200,
      unit: 'mg',
      source: 'set',
      basis: 'set on the profile (default 1000 mg, RDA, male 51–70)',
    });
    expect(t.caps.sodiumMg).toMatchObject({ amount: 1500, source: 'set' });
    expect(t.caps.retinolUg).toMatchObject({ amount: 1500, source: 'set' });
    expect(t.energyShares.proteinMaxPct).toMatchObject({ amount: 20, source: 'set' });
    expect(t.energyShares.saturatedFatMaxPct).toMatchObject({ amount: 7, source: 'set' });
    // not overridden: still the male 51-70 default
    expect(t.targets.magnesiumMg).toMatchObject({ amount: 420, source: 'default' });
    expect(t.energyShares.fatMaxPct.source).toBe('default');
  });

  it('describes where a value came from', () => {
    const t = nutrientTargetsFor({ sex: 'female', ageYears: 35, overrides: { ironMg: 25 } }, table);
    expect(describeSource(t.targets.calciumMg)).toBe('default (RDA, female 31–50)');
    expect(describeSource(t.targets.ironMg)).toBe('set by your clinician');
  });

  it('throws on input the profile schema refuses', () => {
    expect(() => nutrientTargetsFor({ sex: 'male', ageYears: 30, pregnant: true }, table)).toThrow(
      /body.pregnant/,
    );
    expect(() =>
      nutrientTargetsFor({ sex: 'female', ageYears: 55, pregnant: true }, table),
    ).toThrow(/body.pregnant/);
  });

  it('gives back exactly the overrides it was given', () => {
    const overrides = { zincMg: 15, vitaminB12Ug: 4, sodiumMaxMg: 1800, proteinMaxPct: 25 };
    expect(
      overridesOf(nutrientTargetsFor({ sex: 'female', ageYears: 60, overrides }, table)),
    ).toEqual(overrides);
    expect(overridesOf(nutrientTargetsFor({}, table))).toEqual({});
  });
});
