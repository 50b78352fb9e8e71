import { isFodmapCode } from '../foods/codes';
import type { PersonalEntry } from '../reintroduction/types';
import type { ExcuseRule, FoodRule, IngredientLimit, RestrictionRule } from '../restrictions/types';
import { IMPLICATIONS, type TagKey } from '../tagging/implications';
import { GROUP_LABELS } from './labels';

/**
 * A personal-list entry with what the restriction needs to know: a label a person reads and,
 * for a concept or a food, the foods it covers (a group covers its tagged foods by itself).
 */
export type ResolvedPersonalEntry = Pick<PersonalEntry, 'kind' | 'code' | 'maxDoseG' | 'source'> & {
  label: string;
  ndbs: string[];
};

export type ResolvedPersonalList = {
  allowed: ResolvedPersonalEntry[];
  excluded: ResolvedPersonalEntry[];
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2 Nov" (with the year when `withYear`), from YYYY-MM-DD. */
function dayMonth(date: string, withYear: boolean): string {
  const [y, m, d] = date.split('-');
  const base = `${Number(d)} ${MONTHS[Number(m) - 1] ?? m}`;
  return withYear ? `${base} ${y}` : base;
}

/** "2–5 Nov", "28 Nov–3 Dec", "28 Dec 2026–3 Jan 2027", "2 Nov" for one day. */
export function dateSpan(from: string, to: string): string {
  if (from === to) return dayMonth(from, false);
  const years = from.slice(0, 4) !== to.slice(0, 4);
  if (!years && from.slice(0, 7) === to.slice(0, 7)) {
    return `${Number(from.slice(8, 10))}–${dayMonth(to, false)}`;
  }
  return `${dayMonth(from, years)}–${dayMonth(to, years)}`;
}

/** Where an entry came from: "from the lactose challenge, 20–25 Nov" or "added by you". */
export function personalSource(entry: Pick<PersonalEntry, 'source'>): string {
  const s = entry.source;
  return s ? `from the ${s.challengeId} challenge, ${dateSpan(s.from, s.to)}` : 'added by you';
}

/** The reason shown when an excluded entry leaves a food out. */
export function excludedReason(entry: Pick<PersonalEntry, 'source'>): string {
  const s = entry.source;
  return s
    ? `kept out after your ${s.challengeId} challenge, ${dateSpan(s.from, s.to)}`
    : 'on your personal list';
}

/** A tag key of any code: personal entries name codes as strings. */
type AnyKey = { kind: TagKey['kind']; code: string };

const groupsTo = (key: AnyKey): AnyKey[] =>
  IMPLICATIONS.filter((i) => i.from.kind === key.kind && i.from.code === key.code).flatMap(
    (i) => i.to,
  );

/** Every tag a food carrying `start` also carries (the implications' closure, `start` excluded). */
function impliedBy(start: AnyKey): AnyKey[] {
  const seen = new Map<string, AnyKey>();
  const queue = [start];
  for (let key = queue.pop(); key; key = queue.pop()) {
    for (const next of groupsTo(key)) {
      const id = `${next.kind}:${next.code}`;
      if (seen.has(id) || (next.kind === start.kind && next.code === start.code)) continue;
      seen.set(id, next);
      queue.push(next);
    }
  }
  return [...seen.values()];
}

/** The group codes a food tagged `code` also carries ("egg-yolk" → egg, animal). */
export function groupAncestors(code: string): string[] {
  return impliedBy({ kind: 'group', code })
    .filter((k) => k.kind === 'group')
    .map((k) => k.code);
}

/** Group codes whose foods are all tagged `code` too ("dairy" → ghee, butter, fermented-dairy). */
export function groupDescendants(code: string): string[] {
  const codes = new Set(
    IMPLICATIONS.flatMap((i) => [i.from, ...i.to])
      .filter((k) => k.kind === 'group')
      .map((k) => k.code),
  );
  return [...codes].filter((c) => c !== code && groupAncestors(c).includes(code));
}

/**
 * Allergen codes whose foods carry group `code` ("dairy" → milk, "gluten" → gluten, wheat): a
 * protocol that leaves out the allergen as well as the group (six-food elimination) lifts both
 * for a tolerated group. Only the group's own: a parent's ("animal") would reach other groups.
 */
function relatedAllergens(code: string): string[] {
  const allergens = new Set(
    IMPLICATIONS.flatMap((i) => [i.from, ...i.to]).filter((k) => k.kind === 'allergen'),
  );
  return [...allergens]
    .filter((a) => impliedBy(a).some((k) => k.kind === 'group' && k.code === code))
    .map((a) => a.code);
}

export type PersonalRules = {
  /** Rules of the excluded groups (origin `personal`: nothing excuses them). */
  rules: RestrictionRule[];
  /** Foods of the excluded concepts and foods, with their reason. */
  foods: FoodRule[];
  /** Codes of the protocol rules the allowed groups drop (subgroups and their allergens included). */
  liftedCodes: Set<string>;
  /**
   * Excuses for foods certainly carrying an allowed group from its parents' rules (egg yolks are
   * eggs; the code "egg" also names the egg allergen). The caller keeps them off diet rules.
   */
  allow: ExcuseRule[];
  /** Foods of the allowed concepts and foods, minus every food the list keeps out. */
  liftedFoods: string[];
  /** Per-meal limits of the allowed FODMAP groups tested at a dose (dose-aware phases only). */
  ingredientLimits: IngredientLimit[];
};

const LABELS: Readonly<Record<string, string | undefined>> = GROUP_LABELS;
const groupLabel = (code: string) => LABELS[code] ?? code;

/**
 * What a personal food list adds to a protocol phase. Excluded entries leave out a group (a rule)
 * or foods (like dislikes), never excused. Allowed entries lift protocol rules only: a diet is
 * the person's own choice and an allergy, an avoided group or a dislike is theirs too, so none
 * of those is lifted. Pure.
 *
 * Doses (low-FODMAP): in a dose-aware phase an allowed FODMAP group with `maxDoseG` lifts its
 * rule and caps its foods at that many grams per person per meal (an ingredient limit the planner
 * already holds), because tolerance of a FODMAP depends on the dose eaten and the challenge
 * only showed that dose to be fine. Foods with a green serve keep that serve's cap for their
 * other FODMAPs; without `maxDoseG` the rule is simply lifted. Other groups are not dosed: a
 * tolerated egg or dairy food returns at the recipe's amount.
 */
export function personalRules(list: ResolvedPersonalList, fodmapDoses: boolean): PersonalRules {
  const rules: RestrictionRule[] = [];
  const foods: FoodRule[] = [];
  const out = new Set<string>();
  for (const e of list.excluded) {
    const reason = excludedReason(e);
    if (e.kind === 'group') {
      rules.push({ kind: 'group', code: e.code, origin: 'personal', reason });
      continue;
    }
    for (const ndb of e.ndbs) {
      if (out.has(ndb)) continue;
      out.add(ndb);
      foods.push({ ndb, name: e.label, origin: 'personal', reason });
    }
  }
  const liftedCodes = new Set<string>();
  const allow: ExcuseRule[] = [];
  const ingredientLimits: IngredientLimit[] = [];
  const liftedFoods = new Set<string>();
  for (const e of list.allowed) {
    if (e.kind !== 'group') {
      for (const ndb of e.ndbs) if (!out.has(ndb)) liftedFoods.add(ndb);
      continue;
    }
    // The group, its subgroups (dairy covers butter) and the allergens of those foods.
    for (const code of [e.code, ...groupDescendants(e.code)]) {
      liftedCodes.add(code);
      for (const a of relatedAllergens(code)) liftedCodes.add(a);
    }
    const parents = groupAncestors(e.code);
    if (parents.length > 0) {
      allow.push({
        code: e.code,
        excuses: parents,
        note: `${groupLabel(e.code)}: ${personalSource(e)}`,
      });
    }
    if (fodmapDoses && e.maxDoseG !== null && isFodmapCode(e.code)) {
      ingredientLimits.push({
        code: e.code,
        maxGramsPerMeal: e.maxDoseG,
        reason: `${groupLabel(e.code)} up to ${e.maxDoseG} g a meal, ${personalSource(e)}`,
      });
    }
  }
  return {
    rules,
    foods,
    liftedCodes,
    allow,
    liftedFoods: [...liftedFoods],
    ingredientLimits,
  };
}
