/**
 * A plan shared by several members, as the exports need it: who eats from it with their
 * portion of one serving, and each meal's "Alex 1½ servings, Sam 1" by meal id. The per-person
 * "1½ servings each" of a one-person plan does not say who eats what on a shared plan.
 */
export type SharedPortions = {
  members: readonly { profileId: number; name: string; servings: number }[];
  byMeal: ReadonlyMap<string, string>;
};
