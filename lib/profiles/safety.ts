import { lifeStageFor } from '../nutrition/dri';
import { type BodyMetrics, energyFloorKcal, restingEnergyKcal } from '../nutrition/targets';

/** What the safety gates read from a profile. */
export type SafetyProfile = {
  energyKcal: number | null;
  body: BodyMetrics | null;
  clinicianSupervised: boolean;
};

export type SafetyIssue = { path: (string | number)[]; message: string };

const kcal = (n: number) => `${Math.round(n).toLocaleString('en-US')} kcal`;

/** The clinician route, named in every refusal (DOMAIN §9). */
export const CLINICIAN_ROUTE =
  'If a clinician or dietitian is guiding this, tick “planned with my clinician” (clinicianSupervised: true).';

/**
 * The blocking safety gates of DOMAIN §9 that depend on more than one field:
 * - a typed energy target below 1,200 kcal (women, or no body data) or 1,500 kcal (men), or
 *   below the person's resting energy (Mifflin–St Jeor), needs `clinicianSupervised`;
 * - under 18 needs `clinicianSupervised` (the teen DRIs then apply); under 14 is refused by the
 *   schema;
 * - pregnant or lactating only with sex female; pregnant only up to 50;
 * - pregnant or lactating needs `clinicianSupervised` (DOMAIN §9.1: higher needs for iodine,
 *   protein and folate, and limits on liver and fish that a clinician should set).
 * Each issue names its field, so the API answers a 400 with that field.
 */
export function safetyIssues(p: SafetyProfile): SafetyIssue[] {
  const issues: SafetyIssue[] = [];
  if (p.body) {
    const stage = lifeStageFor(p.body);
    if (!stage.ok) issues.push({ path: stage.field.split('.'), message: stage.message });
    if (p.body.ageYears < 18 && !p.clinicianSupervised) {
      issues.push({
        path: ['clinicianSupervised'],
        message:
          'under 18, an elimination diet can affect growth and needs a clinician or dietitian involved. Once one is, tick “planned with my clinician” (clinicianSupervised: true); the teen nutrient values then apply.',
      });
    }
    // a refused life stage (male + pregnant) is one mistake: one message
    if (stage.ok && (p.body.pregnant || p.body.lactating) && !p.clinicianSupervised) {
      const state = p.body.pregnant ? 'During pregnancy' : 'While breastfeeding';
      issues.push({
        path: ['clinicianSupervised'],
        message: `${state}, needs for iodine, protein and folate are higher and an elimination diet needs a clinician or dietitian involved. Once one is, tick “planned with my clinician” (clinicianSupervised: true); the pregnancy or lactation nutrient values then apply.`,
      });
    }
  }
  if (p.energyKcal !== null && !p.clinicianSupervised) {
    const floor = energyFloorKcal(p.body);
    const ree = p.body ? restingEnergyKcal(p.body) : null;
    if (p.energyKcal < floor) {
      const who = p.body
        ? p.body.sex === 'male'
          ? 'men'
          : 'women'
        : 'adults when no sex is given';
      issues.push({
        path: ['energyKcal'],
        message: `${kcal(p.energyKcal)} a day is below ${kcal(floor)}, the lowest Villi plans for ${who} without a clinician. ${CLINICIAN_ROUTE}`,
      });
    } else if (ree !== null && p.energyKcal < ree) {
      issues.push({
        path: ['energyKcal'],
        message: `${kcal(p.energyKcal)} a day is below your resting energy (about ${kcal(ree)}, Mifflin–St Jeor), which Villi does not plan under without a clinician. ${CLINICIAN_ROUTE}`,
      });
    }
  }
  return issues;
}
