import { isFodmapCode } from '../foods/codes';
import type { Restriction, TaggedFoodRef, Violation } from './types';

/**
 * Whether every FODMAP tag of `food` carries a green serve: in a dose-aware phase such a food is
 * not excluded, it is limited to that serve per sitting. A food without FODMAP tags is not dosed.
 */
export function hasFodmapDose(food: TaggedFoodRef): boolean {
  const fodmap = food.tags.filter((t) => isFodmapCode(t.code));
  return fodmap.length > 0 && fodmap.every((t) => t.greenMaxG !== undefined && t.greenMaxG > 0);
}

/**
 * Every reason `food` breaks `restriction`. `may-contain` counts as `contains`: a missed
 * allergen is a harm, an over-cautious one an inconvenience. An exception excuses a protocol or
 * diet rule only when the food certainly carries the exception's code (a dish that merely
 * may contain green beans does not excuse its other legumes).
 */
export function findViolations(food: TaggedFoodRef, restriction: Restriction): Violation[] {
  const violations: Violation[] = [];
  const certainCodes = new Set(
    food.tags.filter((t) => t.certainty === 'contains').map((t) => t.code),
  );
  const excused = new Set(
    restriction.allow.filter((a) => certainCodes.has(a.code)).flatMap((a) => a.excuses),
  );
  // Only protocol rules get dose relief: an allergy or a person's own avoid list stays absolute.
  const doseRelief = restriction.fodmapDoses === true && hasFodmapDose(food);
  // A food the personal list allows by name is free of the protocol's rules (only those).
  const lifted = restriction.liftedFoods?.includes(food.ndb) === true;
  for (const rule of restriction.rules) {
    if (doseRelief && rule.origin === 'protocol' && isFodmapCode(rule.code)) continue;
    if (lifted && rule.origin === 'protocol') continue;
    const list = rule.kind === 'allergen' ? food.allergens : food.tags;
    const hit = list.find((t) => t.code === rule.code);
    if (!hit) continue;
    const isExcusable = rule.origin === 'protocol' || rule.origin === 'diet';
    if (isExcusable && excused.has(rule.code)) continue;
    violations.push({
      ndb: food.ndb,
      foodName: food.name,
      kind: rule.kind,
      code: rule.code,
      certainty: hit.certainty,
      origin: rule.origin,
      reason: rule.reason,
    });
  }
  const disliked = restriction.dislikes.find((d) => d.ndb === food.ndb);
  if (disliked) {
    violations.push({
      ndb: food.ndb,
      foodName: food.name,
      kind: 'dislike',
      code: food.ndb,
      certainty: 'contains',
      origin: disliked.origin ?? 'dislike',
      reason: disliked.reason ?? `you chose to leave out ${disliked.name}`,
    });
  }
  return violations;
}

export function isAllowed(food: TaggedFoodRef, restriction: Restriction): boolean {
  return findViolations(food, restriction).length === 0;
}
