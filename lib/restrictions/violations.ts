import type { Restriction, TaggedFoodRef, Violation } from './types';

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
  for (const rule of restriction.rules) {
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
      origin: 'dislike',
      reason: `you chose to leave out ${disliked.name}`,
    });
  }
  return violations;
}

export function isAllowed(food: TaggedFoodRef, restriction: Restriction): boolean {
  return findViolations(food, restriction).length === 0;
}
