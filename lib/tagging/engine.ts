import {
  ALLERGEN_CODES,
  type AllergenCode,
  type Certainty,
  GROUP_CODES,
  type GroupCode,
} from '../foods/codes';
import type { FoodTag, FoodTagging, Inflammation, UsdaFood } from '../foods/types';
import { IMPLICATIONS } from './implications';
import type {
  InflammationRule,
  NutrientBound,
  PerServingBound,
  TagRef,
  TagRule,
  TagRules,
} from './schema';

type Kind = 'allergen' | 'group';

/** A tag while the engine works; `root` is the rationale of the rule that started a chain. */
type Entry = { kind: Kind; tag: FoodTag; root: string };

type CompiledMatch = {
  foodGroups: ReadonlySet<string> | null;
  excludeFoodGroups: ReadonlySet<string> | null;
  include: RegExp | null;
  exclude: RegExp | null;
  requires: TagRef[];
  unless: TagRef[];
  nutrient: NutrientBound | undefined;
};

type CompiledTagRule = CompiledMatch & { rule: TagRule };
type CompiledInflammationRule = CompiledMatch & { rule: InflammationRule };
type CompiledServing = CompiledMatch & { grams: number };

type Compiled = {
  tagRules: CompiledTagRule[];
  inflammationRules: CompiledInflammationRule[];
  servings: CompiledServing[];
  overridesByNdb: Map<string, TagRules['overrides']>;
  inflammationOverrides: Map<string, TagRules['inflammation']['overrides'][number]>;
};

// Compiled once per rules object: regexes are built here, never per food.
const compiledCache = new WeakMap<TagRules, Compiled>();

/** One regex for a list of alternatives: `(?:a)|(?:b)` matches exactly when one of them does. */
function anyOf(patterns: string[] | undefined): RegExp | null {
  if (!patterns || patterns.length === 0) return null;
  return new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'i');
}

function compileMatch(rule: {
  foodGroups?: string[] | undefined;
  excludeFoodGroups?: string[] | undefined;
  include?: string[] | undefined;
  exclude?: string[] | undefined;
  requires?: TagRef[] | undefined;
  unless?: TagRef[] | undefined;
  nutrient?: NutrientBound | undefined;
}): CompiledMatch {
  return {
    foodGroups: rule.foodGroups ? new Set(rule.foodGroups) : null,
    excludeFoodGroups: rule.excludeFoodGroups ? new Set(rule.excludeFoodGroups) : null,
    include: anyOf(rule.include),
    exclude: anyOf(rule.exclude),
    requires: rule.requires ?? [],
    unless: rule.unless ?? [],
    nutrient: rule.nutrient,
  };
}

function compile(rules: TagRules): Compiled {
  const cached = compiledCache.get(rules);
  if (cached) return cached;
  const overridesByNdb = new Map<string, TagRules['overrides']>();
  for (const o of rules.overrides) {
    overridesByNdb.set(o.ndb, [...(overridesByNdb.get(o.ndb) ?? []), o]);
  }
  const compiled: Compiled = {
    tagRules: rules.rules.map((rule) => ({ ...compileMatch(rule), rule })),
    inflammationRules: rules.inflammation.rules.map((rule) => ({ ...compileMatch(rule), rule })),
    servings: rules.inflammation.servings.map((row) => ({
      ...compileMatch(row),
      grams: row.grams,
    })),
    overridesByNdb,
    inflammationOverrides: new Map(rules.inflammation.overrides.map((o) => [o.ndb, o])),
  };
  compiledCache.set(rules, compiled);
  return compiled;
}

const keyOf = (kind: Kind, code: string) => `${kind}:${code}`;
const labelOf = (kind: Kind, code: string) => (kind === 'allergen' ? `${code} allergen` : code);
const isStronger = (a: Certainty, b: Certainty) => a === 'contains' && b === 'may-contain';

class TagSet {
  readonly entries = new Map<string, Entry>();

  clone(): TagSet {
    const copy = new TagSet();
    for (const [key, entry] of this.entries) copy.entries.set(key, entry);
    return copy;
  }

  /** Adds a tag, or upgrades a may-contain to contains. Returns whether anything changed. */
  add(
    kind: Kind,
    code: string,
    certainty: Certainty,
    rationale: string,
    source: string,
    root = rationale,
  ): boolean {
    const key = keyOf(kind, code);
    const existing = this.entries.get(key);
    if (existing && !isStronger(certainty, existing.tag.certainty)) return false;
    this.entries.set(key, { kind, tag: { code, certainty, rationale, source }, root });
    return true;
  }

  /** Sets a tag exactly as given (an override may also lower a certainty). */
  set(kind: Kind, code: string, certainty: Certainty, rationale: string, source: string): void {
    this.entries.set(keyOf(kind, code), {
      kind,
      tag: { code, certainty, rationale, source },
      root: rationale,
    });
  }

  remove(kind: Kind, code: string): void {
    this.entries.delete(keyOf(kind, code));
  }

  get(kind: Kind, code: string): Entry | undefined {
    return this.entries.get(keyOf(kind, code));
  }

  /** Applies IMPLICATIONS until nothing changes; a derived tag names its cause. */
  close(): this {
    let changed = true;
    while (changed) {
      changed = false;
      for (const { from, to, onlyFrom } of IMPLICATIONS) {
        const cause = this.get(from.kind, from.code);
        if (!cause) continue;
        if (onlyFrom === 'contains' && cause.tag.certainty !== 'contains') continue;
        for (const target of to) {
          const rationale = `${labelOf(from.kind, from.code)} implies ${labelOf(target.kind, target.code)}: ${cause.root}`;
          if (
            this.add(
              target.kind,
              target.code,
              cause.tag.certainty,
              rationale,
              cause.tag.source,
              cause.root,
            )
          ) {
            changed = true;
          }
        }
      }
    }
    return this;
  }
}

function hasRef(tags: TagSet, ref: TagRef): boolean {
  const entry = tags.get(ref.kind, ref.code);
  if (!entry) return false;
  return ref.certainty === 'any' || entry.tag.certainty === 'contains';
}

/** The texts a pattern is tested against, each on its own (a pattern never spans both). */
type Texts = readonly string[];

function textsOf(food: UsdaFood): Texts {
  return food.commonNames ? [food.longDesc, food.commonNames] : [food.longDesc];
}

function matches(m: CompiledMatch, food: UsdaFood, texts: Texts, tags: TagSet): boolean {
  if (m.foodGroups && !m.foodGroups.has(food.groupCode)) return false;
  if (m.excludeFoodGroups?.has(food.groupCode)) return false;
  const { include, exclude } = m;
  if (include && !texts.some((t) => include.test(t))) return false;
  if (exclude && texts.some((t) => exclude.test(t))) return false;
  if (m.nutrient) {
    const value = food.nutrients[m.nutrient.key];
    if (value === null || value === undefined) return false;
    if (m.nutrient.min !== undefined && value < m.nutrient.min) return false;
    if (m.nutrient.max !== undefined && value > m.nutrient.max) return false;
  }
  if (!m.requires.every((ref) => hasRef(tags, ref))) return false;
  if (m.unless.some((ref) => hasRef(tags, ref))) return false;
  return true;
}

/** The weakest certainty among a rule's required tags (for `certainty: "inherit"`). */
function inheritedCertainty(requires: TagRef[], tags: TagSet): Certainty {
  return requires.some((ref) => tags.get(ref.kind, ref.code)?.tag.certainty === 'may-contain')
    ? 'may-contain'
    : 'contains';
}

function sortedTags<C extends string>(tags: TagSet, kind: Kind, order: readonly C[]): FoodTag<C>[] {
  const rank = new Map<string, number>(order.map((c, i) => [c, i]));
  return [...tags.entries.values()]
    .filter((e) => e.kind === kind)
    .map((e) => e.tag as FoodTag<C>)
    .sort((x, y) => (rank.get(x.code) ?? 0) - (rank.get(y.code) ?? 0));
}

/** Grams of the food's typical serving as eaten: the first matching serving row, or null. */
function servingGramsOf(
  food: UsdaFood,
  texts: Texts,
  tags: TagSet,
  compiled: Compiled,
): number | null {
  for (const row of compiled.servings) if (matches(row, food, texts, tags)) return row.grams;
  return null;
}

/** The nutrient in one serving, or null when the value or the serving is unknown. */
function perServingValue(
  food: UsdaFood,
  bound: PerServingBound,
  servingG: number | null,
): number | null {
  const per100 = food.nutrients[bound.key];
  if (per100 === null || per100 === undefined || servingG === null) return null;
  return (per100 * servingG) / 100;
}

function withinBound(value: number | null, bound: PerServingBound): boolean {
  if (value === null) return false;
  if (bound.min !== undefined && value < bound.min) return false;
  if (bound.max !== undefined && value > bound.max) return false;
  return true;
}

/** Fills `{servingG}` and `{perServing}` in a per-serving rule's rationale. */
function fillServing(rationale: string, servingG: number | null, value: number | null): string {
  return rationale
    .replaceAll('{servingG}', servingG === null ? '?' : String(servingG))
    .replaceAll('{perServing}', value === null ? '?' : String(Math.round(value * 10) / 10));
}

function inflammationOf(
  food: UsdaFood,
  texts: Texts,
  tags: TagSet,
  rules: TagRules,
  compiled: Compiled,
): Inflammation {
  const override = compiled.inflammationOverrides.get(food.ndb);
  if (override) {
    return {
      class: override.class,
      evidence: override.evidence,
      rationale: override.reason,
      source: `override:${food.ndb}`,
    };
  }
  let servingG: number | null | undefined;
  for (const c of compiled.inflammationRules) {
    if (!matches(c, food, texts, tags)) continue;
    const bound = c.rule.nutrientPerServing;
    if (!bound) {
      return {
        class: c.rule.class,
        evidence: c.rule.evidence,
        rationale: c.rule.rationale,
        source: c.rule.id,
      };
    }
    if (servingG === undefined) servingG = servingGramsOf(food, texts, tags, compiled);
    const value = perServingValue(food, bound, servingG);
    if (!withinBound(value, bound)) continue;
    return {
      class: c.rule.class,
      evidence: c.rule.evidence,
      rationale: fillServing(c.rule.rationale, servingG, value),
      source: c.rule.id,
    };
  }
  const d = rules.inflammation.default;
  return {
    class: d.class,
    evidence: d.evidence,
    rationale: d.rationale,
    source: 'inflammation-default',
  };
}

/**
 * Tags one food. Rules run in file order; a rule with `requires`/`unless` sees everything
 * emitted before it, implications included. Then the food's overrides change the directly
 * emitted tags, and IMPLICATIONS run to a fixed point on the result, so an override that
 * removes a cause also removes what was only derived from it. Last, the first matching
 * inflammation rule; a rule with `nutrientPerServing` also needs its bound to hold for the
 * food's typical serving (the first matching row of `inflammation.servings`). Pure and
 * deterministic.
 */
export function tagFood(food: UsdaFood, rules: TagRules): FoodTagging {
  const compiled = compile(rules);
  // `direct` holds only what rules and overrides emit; `view` adds the implications for `requires`.
  const texts = textsOf(food);
  const direct = new TagSet();
  let view: TagSet | null = null;
  for (const c of compiled.tagRules) {
    const conditional = c.requires.length > 0 || c.unless.length > 0;
    if (conditional && !view) view = direct.clone().close();
    if (!matches(c, food, texts, view ?? direct)) continue;
    const { rule } = c;
    const certainty =
      rule.certainty === 'inherit'
        ? inheritedCertainty(c.requires, view ?? direct)
        : rule.certainty;
    let changed = false;
    for (const code of rule.allergens)
      changed = direct.add('allergen', code, certainty, rule.rationale, rule.id) || changed;
    for (const code of rule.tags)
      changed = direct.add('group', code, certainty, rule.rationale, rule.id) || changed;
    if (changed) view = null;
  }
  for (const o of compiled.overridesByNdb.get(food.ndb) ?? []) {
    const kind: Kind = o.kind;
    if (o.action === 'remove') direct.remove(kind, o.code);
    else direct.set(kind, o.code, o.certainty ?? 'contains', o.reason, `override:${food.ndb}`);
  }
  const tags = direct.close();
  return {
    allergens: sortedTags<AllergenCode>(tags, 'allergen', ALLERGEN_CODES),
    tags: sortedTags<GroupCode>(tags, 'group', GROUP_CODES),
    inflammation: inflammationOf(food, texts, tags, rules, compiled),
  };
}

/**
 * The inflammation class the rules give a food that carries exactly these tags: the same
 * description rules as {@link tagFood}, with `requires`/`unless` reading the given tags. For
 * foods whose tags come from elsewhere (a food made by a Villi recipe).
 */
export function inflammationForTags(
  food: UsdaFood,
  tagging: Pick<FoodTagging, 'allergens' | 'tags'>,
  rules: TagRules,
): Inflammation {
  const tags = new TagSet();
  for (const t of tagging.allergens)
    tags.add('allergen', t.code, t.certainty, t.rationale, t.source);
  for (const t of tagging.tags) tags.add('group', t.code, t.certainty, t.rationale, t.source);
  return inflammationOf(food, textsOf(food), tags, rules, compile(rules));
}

/** Tags every food, keyed by NDB number. Regexes are compiled once for the whole run. */
export function tagAllFoods(foods: UsdaFood[], rules: TagRules): Map<string, FoodTagging> {
  const result = new Map<string, FoodTagging>();
  for (const food of foods) result.set(food.ndb, tagFood(food, rules));
  return result;
}
