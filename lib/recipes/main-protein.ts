/**
 * A recipe's main protein, derived, never typed: the kind of food that gives the most protein
 * per serving. A kind is a species or cut (salmon, chicken breast, ground beef, tofu, black
 * beans): the food's `protein` in seeds/food-names.json, else its concept, else its shopping
 * name, so two forms of one food (canned and fresh salmon) count as one; its protein is summed
 * over the recipe's foods of that kind. A recipe whose richest kind gives less than
 * `MAIN_PROTEIN_MIN_G` a serving has none: apple chips have no main protein, though apples
 * give their 0.7 g.
 */

/** Protein per serving, g, from which a kind of food is a recipe's main protein. */
export const MAIN_PROTEIN_MIN_G = 5;

/** `foods`: the recipe's foods with their kind and protein per serving (null = unknown). */
export function mainProteinOf(
  foods: readonly { kind: string; proteinG: number | null }[],
): string | null {
  const byKind = new Map<string, number>();
  for (const f of foods) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + (f.proteinG ?? 0));
  let best: string | null = null;
  let most = 0;
  // first of equal kinds wins: the caller's order (the loader's is by NDB number) decides
  for (const [kind, grams] of byKind) {
    if (grams > most) {
      best = kind;
      most = grams;
    }
  }
  return most >= MAIN_PROTEIN_MIN_G ? best : null;
}
