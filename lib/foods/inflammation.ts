import type { EvidenceLevel, InflammationClass } from './codes';

/** The direction of each class: gut-healing +1, neutral 0, inflammatory −1. */
export const INFLAMMATION_CLASS_VALUE: Record<InflammationClass, number> = {
  inflammatory: -1,
  neutral: 0,
  'gut-healing': 1,
};

/**
 * How much a class counts, by the evidence for its claim (DOMAIN §6: strong, moderate, weak,
 * debated). The one place these weights live: a recipe's inflammation score, and through it the
 * planner's inflammation term (lib/planner/score.ts), use them, so a debated claim (dairy,
 * sugar) moves a plan a tenth as much as a strong one (alcohol, trans fats, whole grains).
 */
export const EVIDENCE_WEIGHTS: Record<EvidenceLevel, number> = {
  strong: 1,
  moderate: 0.6,
  weak: 0.3,
  debated: 0.1,
};

/** `v = class value × evidence weight`, in [−1, 1]: −1 strong inflammatory, +1 strong gut-healing. */
export function weightedInflammation(i: {
  class: InflammationClass;
  evidence: EvidenceLevel;
}): number {
  return INFLAMMATION_CLASS_VALUE[i.class] * EVIDENCE_WEIGHTS[i.evidence];
}

/**
 * A recipe (or meal) leans one way only when a real share of its evidence-weighted grams does:
 * a pinch of sugar does not, and neither does a dish made only of foods whose claim is debated
 * (|v| = 0.1).
 */
export const SCORE_CLASS_THRESHOLD = 0.15;

/** The class of an evidence-weighted score: ≥ 0.15 gut-healing, ≤ −0.15 inflammatory, else neutral. */
export function classOfScore(score: number): InflammationClass {
  if (score >= SCORE_CLASS_THRESHOLD) return 'gut-healing';
  if (score <= -SCORE_CLASS_THRESHOLD) return 'inflammatory';
  return 'neutral';
}
