import { gramsDiffer } from './build-list';

/** What a shopping line shows that a plan change can alter: its amount and the meals using it. */
export type NeedSummary = { grams: number; meals: readonly string[] };

function sameMeals(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((m) => set.has(m));
}

/**
 * Which foods a plan change added, removed, or changed: a different amount (beyond float noise)
 * or a different set of meals using it. A food whose amount and meals are the same is not
 * reported, so its line is not marked.
 */
export function diffShoppingNeeds(
  before: ReadonlyMap<string, NeedSummary>,
  after: ReadonlyMap<string, NeedSummary>,
): { added: string[]; changed: string[]; removed: string[] } {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [ndb, now] of after) {
    const old = before.get(ndb);
    if (old === undefined) added.push(ndb);
    else if (gramsDiffer(old.grams, now.grams) || !sameMeals(old.meals, now.meals)) {
      changed.push(ndb);
    }
  }
  for (const ndb of before.keys()) if (!after.has(ndb)) removed.push(ndb);
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}
