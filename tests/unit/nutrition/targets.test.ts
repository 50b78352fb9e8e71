import { describe, expect, it } from 'vitest';
import { type BodyMetrics, computeTargets, restingEnergyKcal } from '@/lib/nutrition/targets';

const body = (over: Partial<BodyMetrics> = {}): BodyMetrics => ({
  sex: 'male',
  ageYears: 30,
  heightCm: 180,
  weightKg: 80,
  activity: 'moderate',
  ...over,
});

describe('restingEnergyKcal (Mifflin–St Jeor)', () => {
  it.each([
    // 10·80 + 6.25·180 − 5·30 + 5 = 800 + 1125 − 150 + 5
    ['man 30 y, 180 cm, 80 kg', body(), 1780],
    // 10·60 + 6.25·165 − 5·40 − 161 = 600 + 1031.25 − 200 − 161
    [
      'woman 40 y, 165 cm, 60 kg',
      body({ sex: 'female', ageYears: 40, heightCm: 165, weightKg: 60 }),
      1270.25,
    ],
  ])('%s', (_label, b, expected) => {
    expect(restingEnergyKcal(b)).toBeCloseTo(expected, 6);
  });

  it('differs by 166 kcal between the sexes at equal size and age', () => {
    expect(restingEnergyKcal(body()) - restingEnergyKcal(body({ sex: 'female' }))).toBe(166);
  });
});

describe('computeTargets', () => {
  it.each([
    // REE 1780 × 1.55 = 2759 → 2760; protein 80 kg × 1.0; fibre 2760/1000 × 14 = 38.64 → 39
    ['man, moderate', body(), { energyKcal: 2760, proteinG: 80, fiberG: 39 }],
    // REE 1270.25 × 1.2 = 1524.3 → 1520; protein 60; fibre 1.52 × 14 = 21.28 → 21
    [
      'woman, sedentary',
      body({ sex: 'female', ageYears: 40, heightCm: 165, weightKg: 60, activity: 'sedentary' }),
      { energyKcal: 1520, proteinG: 60, fiberG: 21 },
    ],
    // 10·90 + 6.25·175 − 5·60 + 5 = 1698.75; × 1.375 = 2335.78 → 2340; fibre 2.34 × 14 = 32.76 → 33
    [
      'man 60 y, light',
      body({ ageYears: 60, heightCm: 175, weightKg: 90, activity: 'light' }),
      { energyKcal: 2340, proteinG: 90, fiberG: 33 },
    ],
    // 10·100 + 6.25·190 − 5·50 + 5 = 1942.5; × 1.725 = 3350.81 → 3350; fibre 3.35 × 14 = 46.9 → 47
    [
      'man 50 y, active',
      body({ ageYears: 50, heightCm: 190, weightKg: 100, activity: 'active' }),
      { energyKcal: 3350, proteinG: 100, fiberG: 47 },
    ],
    // 10·65 + 6.25·170 − 5·25 − 161 = 1426.5; × 1.9 = 2710.35 → 2710; fibre 2.71 × 14 = 37.94 → 38
    [
      'woman 25 y, very active',
      body({ sex: 'female', ageYears: 25, heightCm: 170, weightKg: 65, activity: 'very-active' }),
      { energyKcal: 2710, proteinG: 65, fiberG: 38 },
    ],
  ])('estimates from the body: %s', (_label, b, expected) => {
    expect(computeTargets({ body: b })).toEqual({ ...expected, energySource: 'mifflin-st-jeor' });
  });

  it('uses a typed energy target over the body estimate, protein still from weight', () => {
    // fibre 1.8 × 14 = 25.2 → 25
    expect(computeTargets({ energyKcal: 1800, body: body() })).toEqual({
      energyKcal: 1800,
      proteinG: 80,
      fiberG: 25,
      energySource: 'typed',
    });
  });

  it('falls back to 2000 kcal with protein at 15% of energy when nothing is known', () => {
    // protein 2000 × 0.15 / 4 = 75 g; fibre 2 × 14 = 28 g
    expect(computeTargets({})).toEqual({
      energyKcal: 2000,
      proteinG: 75,
      fiberG: 28,
      energySource: 'default',
    });
  });

  it('scales the weightless protein default with a typed energy target', () => {
    // 1500 × 0.15 / 4 = 56.25 → 56; fibre 1.5 × 14 = 21
    expect(computeTargets({ energyKcal: 1500 })).toMatchObject({ proteinG: 56, fiberG: 21 });
  });

  it('keeps typed protein and fibre as given', () => {
    expect(computeTargets({ body: body(), proteinG: 110, fiberG: 30 })).toMatchObject({
      proteinG: 110,
      fiberG: 30,
    });
  });

  it('treats null like unset (database rows store null)', () => {
    expect(computeTargets({ energyKcal: null, body: null, proteinG: null, fiberG: null })).toEqual(
      computeTargets({}),
    );
  });

  it('rounds a typed energy target to whole kcal', () => {
    expect(computeTargets({ energyKcal: 1849.6 }).energyKcal).toBe(1850);
  });
});

describe('energy floor', () => {
  // woman 80 y, 150 cm, 42 kg, sedentary: REE 420 + 937.5 − 400 − 161 = 796.5; × 1.2 = 955.8 → 960
  const small = body({
    sex: 'female',
    ageYears: 80,
    heightCm: 150,
    weightKg: 42,
    activity: 'sedentary',
  });
  // man 75 y, 160 cm, 50 kg, sedentary: REE 500 + 1000 − 375 + 5 = 1130; × 1.2 = 1356 → 1360
  const smallMan = body({ ageYears: 75, heightCm: 160, weightKg: 50, activity: 'sedentary' });

  it.each([
    ['woman', small, 1200, /estimate from your body \(960 kcal\) is below 1,200 kcal.*women/],
    ['man', smallMan, 1500, /estimate from your body \(1,360 kcal\) is below 1,500 kcal.*men/],
  ])(
    'never lets a computed target (%s) fall below the floor, and says why',
    (_l, b, floor, note) => {
      const t = computeTargets({ body: b });
      expect(t.energyKcal).toBe(floor);
      expect(t.energySource).toBe('mifflin-st-jeor');
      expect(t.energyNote).toMatch(note);
      // fibre follows the energy actually planned: 1.2 × 14 = 16.8 → 17; 1.5 × 14 = 21
      expect(t.fiberG).toBe(Math.round((floor / 1000) * 14));
    },
  );

  it('applies the floor to a typed target without supervision (rows stored before the gate)', () => {
    const t = computeTargets({ energyKcal: 1000 });
    expect(t.energyKcal).toBe(1200);
    expect(t.energyNote).toMatch(/typed target \(1,000 kcal\) is below 1,200 kcal/);
  });

  it('keeps a typed target below the floor when a clinician is involved, with a note', () => {
    const t = computeTargets({ energyKcal: 1000, body: small, clinicianSupervised: true });
    expect(t.energyKcal).toBe(1000);
    expect(t.energyNote).toMatch(
      /below the usual floor of 1,200 kcal for women; planned as set, with a clinician/,
    );
  });

  it('the computed floor holds even with clinician supervision (only a typed value goes lower)', () => {
    expect(computeTargets({ body: small, clinicianSupervised: true }).energyKcal).toBe(1200);
  });

  it('adds no note at or above the floor', () => {
    expect(computeTargets({ energyKcal: 1200 }).energyNote).toBeUndefined();
    expect(computeTargets({ body: body() }).energyNote).toBeUndefined();
  });
});
