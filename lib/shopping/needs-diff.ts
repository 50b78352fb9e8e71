import { gramsDiffer } from './build-list';

/** Which foods a plan change added, removed, or needs a different amount of. */
export function diffShoppingNeeds(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
): { added: string[]; changed: string[]; removed: string[] } {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [ndb, grams] of after) {
    const old = before.get(ndb);
    if (old === undefined) added.push(ndb);
    else if (gramsDiffer(old, grams)) changed.push(ndb);
  }
  for (const ndb of before.keys()) if (!after.has(ndb)) removed.push(ndb);
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}
