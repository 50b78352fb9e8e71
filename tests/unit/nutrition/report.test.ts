import { describe, expect, it } from 'vitest';
import { nutritionMarkdownLines } from '@/lib/export/nutrition-markdown';
import type { NutrientTargets } from '@/lib/nutrition/nutrient-model';
import {
  buildNutritionReport,
  NOT_TRACKED,
  type ReportInput,
  type ReportMeal,
  rankSuggestions,
  reportSummary,
  type SuggestionCandidate,
} from '@/lib/nutrition/report';

const t = (amount: number, unit: string) => ({
  amount,
  unit,
  source: 'default' as const,
  basis: 'test',
});

/** A hand-made adult's targets (fixture, not the DRI lookup). */
const TARGETS: NutrientTargets = {
  lifeStage: 'female 31-50',
  targets: {
    calciumMg: t(1000, 'mg'),
    ironMg: t(18, 'mg'),
    magnesiumMg: t(320, 'mg'),
    potassiumMg: t(2600, 'mg'),
    zincMg: t(8, 'mg'),
    vitaminCMg: t(75, 'mg'),
    folateDfeUg: t(400, 'µg'),
    vitaminB12Ug: t(2.4, 'µg'),
    vitaminARaeUg: t(700, 'µg'),
  },
  caps: { sodiumMg: t(2300, 'mg'), retinolUg: t(3000, 'µg') },
  energyShares: {
    saturatedFatMaxPct: t(10, '%'),
    proteinMaxPct: t(35, '%'),
    fatMinPct: t(20, '%'),
    fatMaxPct: t(35, '%'),
  },
  avoidPregnancyRisks: false,
};

/** Enough of every tracked nutrient per day when eaten once, and nothing over a cap. */
const PLENTY = {
  energyKcal: 2000,
  proteinG: 80,
  carbsG: 250,
  fiberG: 30,
  fatG: 60,
  saturatedFatG: 15,
  sodiumMg: 1500,
  retinolUg: 300,
  calciumMg: 1100,
  ironMg: 20,
  magnesiumMg: 400,
  potassiumMg: 3000,
  zincMg: 10,
  vitaminCMg: 100,
  folateDfeUg: 450,
  vitaminB12Ug: 3,
  vitaminARaeUg: 800,
};

function meal(over: Partial<ReportMeal> & Pick<ReportMeal, 'id' | 'date'>): ReportMeal {
  return {
    slot: 'dinner',
    recipeSlug: over.id,
    recipeName: `Recipe ${over.id}`,
    portion: 1,
    perServing: { ...PLENTY },
    unknown: {},
    ingredientLines: 4,
    ...over,
  };
}

const DATES = [
  '2026-11-30',
  '2026-12-01',
  '2026-12-02',
  '2026-12-03',
  '2026-12-04',
  '2026-12-05',
  '2026-12-06',
];

function week(perDay: (date: string, i: number) => ReportMeal[]): ReportInput['days'] {
  return DATES.map((date, i) => ({ date, meals: perDay(date, i) }));
}

function input(days: ReportInput['days'], candidates: SuggestionCandidate[] = []): ReportInput {
  return {
    days,
    targets: TARGETS,
    daily: { energyKcal: 2000, proteinG: 80, fiberG: 28 },
    candidates,
  };
}

const finding = (r: ReturnType<typeof buildNutritionReport>, n: string) => {
  const f = r.findings.find((x) => x.nutrient === n);
  if (!f) throw new Error(`no finding for ${n}`);
  return f;
};

describe('buildNutritionReport: amounts and knownShare', () => {
  it('sums each day per person: portion × per-serving amount', () => {
    const r = buildNutritionReport(
      input(
        week((date) => [
          meal({
            id: `${date}-lunch`,
            date,
            slot: 'lunch',
            portion: 0.5,
            perServing: { calciumMg: 300 },
          }),
          meal({ id: `${date}-dinner`, date, portion: 1.5, perServing: { calciumMg: 200 } }),
        ]),
      ),
    );
    expect(r.perDay).toHaveLength(7);
    // 0.5 × 300 + 1.5 × 200 = 150 + 300
    expect(r.perDay[0]?.nutrients.calciumMg).toEqual({ amount: 450, unit: 'mg', knownShare: 1 });
    expect(r.weekAverage.calciumMg.amount).toBe(450);
  });

  it('never counts an unknown as 0: knownShare is the share of known ingredient lines', () => {
    const r = buildNutritionReport(
      input(
        week((date) => [
          // 1 of 4 lines has no sodium value; the other recipe has every value.
          meal({
            id: `${date}-a`,
            date,
            slot: 'lunch',
            perServing: { sodiumMg: 600 },
            unknown: { sodiumMg: 1 },
          }),
          meal({ id: `${date}-b`, date, perServing: { sodiumMg: 400 }, ingredientLines: 6 }),
        ]),
      ),
    );
    // Known lines: 3 + 6 of 10.
    expect(r.perDay[0]?.nutrients.sodiumMg).toEqual({ amount: 1000, unit: 'mg', knownShare: 0.9 });
  });

  it('a nutrient no line reports (null sum) is wholly unknown, not zero', () => {
    const r = buildNutritionReport(
      input(
        week((date) => [
          meal({
            id: `${date}-a`,
            date,
            perServing: { vitaminB12Ug: null },
            unknown: { vitaminB12Ug: 4 },
          }),
        ]),
      ),
    );
    expect(r.perDay[3]?.nutrients.vitaminB12Ug).toEqual({ amount: 0, unit: 'µg', knownShare: 0 });
    const b12 = finding(r, 'vitaminB12Ug');
    expect(b12.status).toBe('low');
    expect(b12.message).toContain('at least 0 of 2.4 µg');
    expect(b12.message).toContain('no data');
  });

  it('averages over the 7 days, a day of less pulling the average down', () => {
    const r = buildNutritionReport(
      input(
        week((date, i) => [
          meal({ id: `${date}-d`, date, perServing: { ...PLENTY, calciumMg: i < 4 ? 700 : 1400 } }),
        ]),
      ),
    );
    // (4 × 700 + 3 × 1400) / 7 = 7000 / 7
    expect(r.weekAverage.calciumMg.amount).toBe(1000);
    expect(finding(r, 'calciumMg').status).toBe('ok');
  });
});

describe('buildNutritionReport: findings', () => {
  it('judges micronutrients on the weekly average, not per day', () => {
    // Calcium is 0 on six days and 7,700 mg on one: the average, 1,100, meets 1,000.
    const r = buildNutritionReport(
      input(
        week((date, i) => [
          meal({ id: `${date}-d`, date, perServing: { ...PLENTY, calciumMg: i === 2 ? 7700 : 0 } }),
        ]),
      ),
    );
    expect(finding(r, 'calciumMg').status).toBe('ok');
  });

  it('judges caps per day: one day over the sodium cap is high even if the average is under', () => {
    const r = buildNutritionReport(
      input(
        week((date, i) => [
          meal({
            id: `${date}-lunch`,
            date,
            slot: 'lunch',
            recipeSlug: i === 1 ? 'salty-soup' : `lunch-${i}`,
            recipeName: i === 1 ? 'Salty soup' : 'Lunch',
            perServing: { ...PLENTY, sodiumMg: i === 1 ? 2600 : 500 },
          }),
          meal({ id: `${date}-dinner`, date, perServing: { ...PLENTY, sodiumMg: 300 } }),
        ]),
      ),
    );
    expect(r.weekAverage.sodiumMg.amount).toBeLessThan(2300);
    const sodium = finding(r, 'sodiumMg');
    expect(sodium.status).toBe('high');
    // 2,600 + 300 on Tuesday 1 December
    expect(sodium.message).toBe(
      'Sodium above the 2,300 mg daily limit on 1 of 7 days (highest 2,900 mg, Tuesday). Most of it comes from Salty soup and Recipe 2026-12-01-dinner.',
    );
    expect(sodium.meals[0]).toBe('2026-12-01-lunch');
  });

  it('a day exactly at the cap is within it', () => {
    const r = buildNutritionReport(
      input(
        week((date) => [
          meal({ id: `${date}-d`, date, perServing: { ...PLENTY, retinolUg: 3000 } }),
        ]),
      ),
    );
    expect(finding(r, 'retinolUg').status).toBe('ok');
  });

  it('flags a low nutrient with the plain message, the meals that gave least, and richer recipes', () => {
    const candidates: SuggestionCandidate[] = [
      {
        slug: 'sardine-salad',
        name: 'Sardine salad',
        mealTypes: ['lunch'],
        perServing: { calciumMg: 350, sodiumMg: 500, retinolUg: 30 },
        unknown: {},
      },
      {
        slug: 'kale-soup',
        name: 'Kale soup',
        mealTypes: ['lunch', 'dinner'],
        perServing: { calciumMg: 250, sodiumMg: 400, retinolUg: 0 },
        unknown: {},
      },
      {
        slug: 'liver-pate',
        name: 'Liver pâté',
        mealTypes: ['lunch'],
        perServing: { calciumMg: 900, sodiumMg: 300, retinolUg: 6000 },
        unknown: {},
      },
      {
        slug: 'pancake',
        name: 'Pancake',
        mealTypes: ['breakfast'],
        perServing: { calciumMg: 800, sodiumMg: 100, retinolUg: 0 },
        unknown: {},
      },
    ];
    const r = buildNutritionReport(
      input(
        week((date) => [
          meal({
            id: `${date}-lunch`,
            date,
            slot: 'lunch',
            recipeSlug: 'chicken-bowl',
            recipeName: 'Chicken bowl',
            perServing: { ...PLENTY, calciumMg: 140, sodiumMg: 500 },
          }),
          meal({
            id: `${date}-dinner`,
            date,
            recipeSlug: 'pork-stew',
            recipeName: 'Pork stew',
            perServing: { ...PLENTY, calciumMg: 500, sodiumMg: 500 },
          }),
        ]),
        candidates,
      ),
    );
    const calcium = finding(r, 'calciumMg');
    expect(calcium.status).toBe('low');
    expect(calcium.message).toBe(
      'Calcium 640 of 1,000 mg a day on average. In this phase, recipes richer in calcium include Sardine salad and Kale soup. If it stays low for a few weeks, talk to your clinician or dietitian about calcium.',
    );
    expect(calcium.meals).toEqual(['2026-11-30-lunch', '2026-11-30-dinner']);
    // Liver pâté is over half the retinol limit per serving; the pancake fits no flagged slot.
    expect(calcium.suggestions).toEqual(['sardine-salad', 'kale-soup']);
    expect(calcium.message).not.toMatch(/supplement|tablet|pill/i);
    expect(reportSummary(r)).toBe('Calcium low this week');
  });

  it('flags saturated fat above 10 % of energy on average', () => {
    const r = buildNutritionReport(
      input(
        week((date) => [
          meal({ id: `${date}-d`, date, perServing: { ...PLENTY, saturatedFatG: 30 } }),
        ]),
      ),
    );
    // 30 g × 9 kcal / 2000 kcal = 13.5 %
    const sat = finding(r, 'saturatedFatG');
    expect(sat.status).toBe('high');
    expect(sat.message).toContain('13.5 % of energy');
  });

  it('a week that meets everything has only ok findings and no summary', () => {
    const r = buildNutritionReport(input(week((date) => [meal({ id: `${date}-d`, date })])));
    expect(r.findings.every((f) => f.status === 'ok')).toBe(true);
    expect(reportSummary(r)).toBeNull();
  });

  it('lists vitamin D and iodine as not tracked, without supplement advice', () => {
    const r = buildNutritionReport(input(week((date) => [meal({ id: `${date}-d`, date })])));
    expect(r.notTracked.map((n) => n.nutrient)).toEqual(['vitamin D', 'iodine']);
    for (const n of NOT_TRACKED) {
      expect(n.message).toContain('not tracked');
      expect(n.message).not.toMatch(/supplement|tablet|pill|capsule/i);
    }
  });

  it('carries the targets and caps it judged against', () => {
    const r = buildNutritionReport(input(week((date) => [meal({ id: `${date}-d`, date })])));
    expect(r.targets.calciumMg?.amount).toBe(1000);
    expect(r.targets.energyKcal?.amount).toBe(2000);
    expect(r.caps.sodiumMg.amount).toBe(2300);
    expect(r.caps.retinolUg.amount).toBe(3000);
  });
});

describe('rankSuggestions', () => {
  const c = (slug: string, v: number | null, unknown = 0): SuggestionCandidate => ({
    slug,
    name: slug,
    mealTypes: ['dinner'],
    perServing: { sodiumMg: v, retinolUg: 0 },
    unknown: { sodiumMg: unknown },
  });
  const caps = TARGETS.caps;

  it('for an excess, ranks the least first and only recipes whose value is fully known', () => {
    const ranked = rankSuggestions(
      [c('a', 900), c('b', 200), c('c', 100, 1), c('d', null)],
      'sodiumMg',
      'less',
      [{ id: 'm1', slot: 'dinner', recipeSlug: 'x' }],
      caps,
    );
    expect(ranked.map((x) => x.slug)).toEqual(['b', 'a']);
  });

  it('leaves out recipes already in the plan and recipes for other slots', () => {
    const lunch = { ...c('l', 10), mealTypes: ['lunch'] as const };
    const ranked = rankSuggestions(
      [c('x', 50), lunch, c('y', 60)],
      'sodiumMg',
      'less',
      [{ id: 'm1', slot: 'dinner', recipeSlug: 'x' }],
      caps,
    );
    expect(ranked.map((x) => x.slug)).toEqual(['y']);
  });

  it('skips a swap the planner would refuse and takes the next best', () => {
    const ranked = rankSuggestions(
      [c('a', 100), c('b', 200), c('d', 300)],
      'sodiumMg',
      'less',
      [{ id: 'm1', slot: 'dinner', recipeSlug: 'x' }],
      caps,
      { canSwap: (mealId, slug) => mealId === 'm1' && slug !== 'a', limit: 2 },
    );
    expect(ranked.map((x) => x.slug)).toEqual(['b', 'd']);
  });
});

describe('nutritionMarkdownLines (plan Markdown export)', () => {
  it('tables the weekly averages against targets and the highest day against each cap', () => {
    const r = buildNutritionReport(
      input(
        week((date, i) => [
          meal({
            id: `${date}-d`,
            date,
            perServing: { ...PLENTY, calciumMg: 640, sodiumMg: i === 3 ? 2500 : 1000 },
            unknown: { sodiumMg: i === 3 ? 1 : 0 },
          }),
        ]),
      ),
    );
    const lines = nutritionMarkdownLines(r);
    expect(lines[0]).toBe('## Nutrition this week');
    expect(lines).toContain('| Calcium | 640 mg | 1,000 mg | low |');
    expect(lines).toContain(
      '| Sodium (highest day) | at least 2,500 mg | at most 2,300 mg | high |',
    );
    expect(lines).toContain(
      '- Calcium 640 of 1,000 mg a day on average. Few recipes in this phase are rich in calcium. If it stays low for a few weeks, talk to your clinician or dietitian about calcium.',
    );
    expect(lines.some((l) => l.startsWith('- Iodine is not tracked'))).toBe(true);
  });
});
