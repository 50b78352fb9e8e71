import type { AllergenCode, GroupCode } from '../foods/codes';

export type TagKey = { kind: 'allergen'; code: AllergenCode } | { kind: 'group'; code: GroupCode };

const a = (code: AllergenCode): TagKey => ({ kind: 'allergen', code });
const g = (code: GroupCode): TagKey => ({ kind: 'group', code });

/**
 * One implication. `onlyFrom: 'contains'` makes it fire only when `from` is certain: for an
 * allergen that a `may-contain` tag usually carries as a trace from shared lines or equipment,
 * not as an ingredient. The trace matters to an allergic person (the allergen tag stays
 * `may-contain`), but it does not change what the food is made of, so it does not put the food in
 * a diet group that protocols exclude for its composition (Whole30 and AIP exclude legumes).
 * A rule whose `may-contain` does mean a possible ingredient names the group itself.
 */
export type Implication = {
  from: TagKey;
  to: readonly TagKey[];
  onlyFrom?: 'contains';
};

/**
 * Consistency contract: a food carrying `from` also carries every `to`, with at least the
 * certainty of `from` (with `onlyFrom: 'contains'`, only when `from` is `contains`). Applied to a
 * fixed point after rules and again after overrides, so no rule file or override can leave a
 * food inconsistent. These are structural facts, not diet opinions, which is why they live in
 * code rather than in the rule data.
 */
export const IMPLICATIONS: readonly Implication[] = [
  { from: g('fodmap-fructose'), to: [g('high-fodmap')] },
  { from: g('fodmap-lactose'), to: [g('high-fodmap')] },
  { from: g('fodmap-fructan'), to: [g('high-fodmap')] },
  { from: g('fodmap-gos'), to: [g('high-fodmap')] },
  { from: g('fodmap-sorbitol'), to: [g('high-fodmap')] },
  { from: g('fodmap-mannitol'), to: [g('high-fodmap')] },
  { from: g('fructan-wheat'), to: [g('fodmap-fructan')] },
  { from: g('fructan-garlic'), to: [g('fodmap-fructan')] },
  { from: g('fructan-onion'), to: [g('fodmap-fructan')] },
  { from: g('fish'), to: [g('meat')] },
  { from: g('shellfish'), to: [g('meat')] },
  { from: g('poultry'), to: [g('meat')] },
  { from: g('red-meat'), to: [g('meat')] },
  { from: g('pork'), to: [g('meat')] },
  { from: g('organ-meat'), to: [g('meat')] },
  { from: g('meat'), to: [g('animal')] },
  { from: g('dairy'), to: [g('animal')] },
  { from: g('egg'), to: [g('animal')] },
  { from: a('gluten'), to: [g('gluten')] },
  { from: g('gluten'), to: [a('gluten'), g('grain')] },
  { from: a('wheat'), to: [a('gluten')] },
  { from: a('milk'), to: [g('dairy')] },
  { from: a('egg'), to: [g('egg')] },
  { from: a('soy'), to: [g('soy')] },
  // Soy is a legume (like peanut): whatever carries soy, at whatever certainty, carries legume.
  { from: g('soy'), to: [g('legume')] },
  { from: g('soy-lecithin'), to: [g('soy')] },
  { from: g('refined-soy-oil'), to: [g('soy'), g('seed-oil')] },
  { from: a('fish'), to: [g('fish')] },
  { from: a('crustacean'), to: [g('shellfish')] },
  { from: a('mollusc'), to: [g('shellfish')] },
  { from: a('tree-nut'), to: [g('nut')] },
  // Peanut is a legume, but "may contain peanut" is nearly always a shared-line trace (roasted
  // nuts, nut butters, candies, cereals): a peanut allergy still excludes such a food through the
  // allergen, while almond butter does not become a legume. Rules where unspecified nuts or
  // toppings may be peanuts tag `legume` themselves. Other allergens stay as they are: a
  // may-contain milk, egg, soy, fish or wheat usually means a possible ingredient (soups, mixes,
  // broths), so their groups follow at either certainty.
  { from: a('peanut'), to: [g('legume')], onlyFrom: 'contains' },
  { from: g('nightshade-spice'), to: [g('nightshade')] },
  { from: g('seed-spice'), to: [g('seed')] },
  { from: g('edible-pod-legume'), to: [g('legume')] },
  { from: g('ghee'), to: [g('dairy')] },
  { from: g('butter'), to: [g('dairy')] },
  { from: g('fermented-dairy'), to: [g('dairy')] },
  { from: g('egg-yolk'), to: [g('egg')] },
  { from: g('rice'), to: [g('grain')] },
  { from: g('unrefined-sweetener'), to: [g('added-sugar')] },
];
