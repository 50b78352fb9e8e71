import {
  amdr,
  type DriTable,
  type DriValue,
  displayLifeStage,
  type LifeStage,
  lifeStageFor,
  micronutrientDri,
  retinolUl,
  saturatedFatMaxPct,
  sodiumCdrr,
} from './dri';
import {
  type MicronutrientKey,
  type NutrientOverrides,
  type NutrientTarget,
  type NutrientTargets,
  TRACKED_MICRONUTRIENTS,
} from './nutrient-model';
import type { Sex } from './targets';

/**
 * Without sex and age on the profile, targets use female 31–50: among adults it has the highest
 * iron RDA (18 mg) outside pregnancy, and its calcium, folate and B12 values are the adult ones,
 * so a week planned to it is not short for most adults. Men's zinc, magnesium, vitamin A, C and
 * potassium are higher: the profile page says the default was used and asks for sex and age.
 */
export const DEFAULT_LIFE_STAGE: LifeStage = 'female 31-50';
export const DEFAULT_LIFE_STAGE_NOTE =
  'no sex or age on the profile, so the female 31–50 values are used (the highest iron need outside pregnancy); add body data for your own';

export type NutrientTargetsInput = {
  /** Null or absent: no body data on the profile (the default life stage is used). */
  sex?: Sex | null;
  ageYears?: number | null;
  pregnant?: boolean;
  lactating?: boolean;
  /** Clinician-set values; each replaces its default and is marked `source: 'set'`. */
  overrides?: NutrientOverrides | null;
};

const higher = (a: DriValue, b: DriValue | null): DriValue => (b && b.amount > a.amount ? b : a);

/**
 * A person's daily nutrient targets and limits: the RDA or AI of each tracked micronutrient
 * (weekly-average floors), the sodium CDRR (2,300 mg) and the preformed vitamin A UL (3,000 µg
 * adults, 2,800 µg at 14–18) as per-day caps, saturated fat below 10 % of energy, protein at most
 * the AMDR's upper end (35 %, 30 % at 14–18) and total fat within the AMDR (20–35 %, 25–35 % at
 * 14–18). Each value says where it came from (`source`, `basis`). Life stage rules:
 * `lifeStageFor` in dri.ts. Throws on input the profile schema refuses (male and pregnant,
 * pregnant over 50, under 14): that is a bug in the caller, not a user error.
 */
export function nutrientTargetsFor(input: NutrientTargetsInput, table: DriTable): NutrientTargets {
  const overrides = input.overrides ?? {};
  let lifeStage: LifeStage = DEFAULT_LIFE_STAGE;
  let lactationStage: LifeStage | null = null;
  let note: string | null = DEFAULT_LIFE_STAGE_NOTE;
  if (input.sex != null && input.ageYears != null) {
    const stage = lifeStageFor({
      sex: input.sex,
      ageYears: input.ageYears,
      pregnant: input.pregnant ?? false,
      lactating: input.lactating ?? false,
    });
    if (!stage.ok) throw new Error(`nutrientTargetsFor: ${stage.field}: ${stage.message}`);
    lifeStage = stage.lifeStage;
    lactationStage = stage.alsoLactation;
    note = stage.note;
  }

  const resolve = (value: DriValue, set: number | undefined): NutrientTarget =>
    set === undefined
      ? { amount: value.amount, unit: value.unit, source: 'default', basis: value.basis }
      : {
          amount: set,
          unit: value.unit,
          source: 'set',
          basis: `set on the profile (default ${value.amount} ${value.unit}, ${value.basis})`,
        };

  const targets = Object.fromEntries(
    TRACKED_MICRONUTRIENTS.map((key) => {
      const value = higher(
        micronutrientDri(table, key, lifeStage),
        lactationStage ? micronutrientDri(table, key, lactationStage) : null,
      );
      return [key, resolve(value, overrides[key])];
    }),
  ) as Record<MicronutrientKey, NutrientTarget>;

  const protein = amdr(table, 'protein', lifeStage);
  const fat = amdr(table, 'total fat', lifeStage);
  const pct = (amount: number, basis: string): DriValue => ({ amount, unit: '% of energy', basis });

  return {
    lifeStage: lactationStage ? `${lifeStage} + ${lactationStage}` : lifeStage,
    ...(note ? { lifeStageNote: note } : {}),
    targets,
    caps: {
      sodiumMg: resolve(sodiumCdrr(table, lifeStage), overrides.sodiumMaxMg),
      retinolUg: resolve(retinolUl(table, lifeStage), overrides.retinolMaxUg),
    },
    energyShares: {
      saturatedFatMaxPct: resolve(
        saturatedFatMaxPct(table, lifeStage),
        overrides.saturatedFatMaxPct,
      ),
      proteinMaxPct: resolve(
        pct(protein.high, `${protein.basis}, upper end`),
        overrides.proteinMaxPct,
      ),
      fatMinPct: resolve(pct(fat.low, fat.basis), undefined),
      fatMaxPct: resolve(pct(fat.high, fat.basis), undefined),
    },
    avoidPregnancyRisks: input.pregnant === true,
  };
}

/** "RDA, female 31–50" → the words the profile page shows next to a value. */
export function describeSource(target: NutrientTarget): string {
  return target.source === 'set' ? 'set by your clinician' : `default (${target.basis})`;
}

export { displayLifeStage };

/** The clinician overrides behind resolved targets (every value with `source: 'set'`). */
export function overridesOf(t: NutrientTargets): NutrientOverrides {
  const out: NutrientOverrides = {};
  for (const key of TRACKED_MICRONUTRIENTS) {
    if (t.targets[key].source === 'set') out[key] = t.targets[key].amount;
  }
  const pairs: [keyof NutrientOverrides, NutrientTarget][] = [
    ['sodiumMaxMg', t.caps.sodiumMg],
    ['retinolMaxUg', t.caps.retinolUg],
    ['saturatedFatMaxPct', t.energyShares.saturatedFatMaxPct],
    ['proteinMaxPct', t.energyShares.proteinMaxPct],
  ];
  for (const [key, target] of pairs) if (target.source === 'set') out[key] = target.amount;
  return out;
}
