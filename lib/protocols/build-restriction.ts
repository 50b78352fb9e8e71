import type {
  DailyNutrientCap,
  ExcuseRule,
  FoodRule,
  Restriction,
  RestrictionRule,
} from '../restrictions/types';
import { allergyReason, avoidReason } from './labels';
import { personalRules, type ResolvedPersonalList } from './personal-list';
import type { DietException, ImpossibleDiet, Phase, Protocol } from './schema';

export type BuildRestrictionInput = {
  protocols: Protocol[];
  protocolId: string;
  phaseId: string;
  /** Id of a protocol file with kind "diet" (its single phase is used). */
  diet: string;
  /** Allergen codes; never excused. */
  allergens: string[];
  /** Group codes the person leaves out; never excused. */
  avoid: string[];
  dislikes: { ndb: string; name: string }[];
  /**
   * Kinds of food the person leaves out whole ("salmon (all kinds)"), each with every food of
   * the kind (lib/foods/concepts.ts); they join the dislikes after the single foods.
   */
  dislikedConcepts?: { label: string; ndbs: string[] }[];
  /**
   * The person's own food list on top of the phase (lib/protocols/personal-list.ts): excluded
   * entries hold like an avoided group or a dislike, allowed ones lift protocol rules only.
   */
  personal?: ResolvedPersonalList;
};

export type BuildRestrictionResult =
  | { ok: true; restriction: Restriction }
  | { ok: false; field: 'protocol' | 'phase' | 'diet'; message: string };

export function findProtocol(protocols: Protocol[], id: string): Protocol | undefined {
  return protocols.find((p) => p.id === id);
}

export function findPhase(protocol: Protocol, phaseId: string): Phase | undefined {
  return protocol.phases.find((ph) => ph.id === phaseId);
}

/** The phases of protocol `id` in order; empty when the id is unknown. */
export function listPhases(protocols: Protocol[], id: string): Phase[] {
  return findProtocol(protocols, id)?.phases ?? [];
}

const labelOf = (p: Protocol) => p.shortName ?? p.name;
const idsOf = (protocols: Protocol[], kind: Protocol['kind']) =>
  protocols
    .filter((p) => p.kind === kind)
    .map((p) => p.id)
    .join(', ');
const unique = <T>(xs: T[]) => [...new Set(xs)];

/**
 * The group and allergen rules one phase contributes, with one reason for all of them. Group
 * codes in `lifted` (a diet exception of the phase) give no rule; `reasonOf` may word a code's
 * reason differently.
 */
function phaseRules(
  phase: Phase,
  origin: 'protocol' | 'diet',
  reason: string,
  lifted: ReadonlySet<string> = new Set(),
  reasonOf: (code: string) => string = () => reason,
): RestrictionRule[] {
  return [
    ...unique(phase.exclude)
      .filter((code) => !lifted.has(code))
      .map((code) => ({ kind: 'group' as const, code, origin, reason: reasonOf(code) })),
    ...unique(phase.excludeAllergens).map((code) => ({
      kind: 'allergen' as const,
      code,
      origin,
      reason,
    })),
  ];
}

/** The recipe-level rules of a phase: treats out, per-day caps. Empty object when none. */
export function phaseRecipeRules(
  protocol: Protocol,
  phase: Phase,
): Pick<Restriction, 'excludeTreats' | 'dailyCaps' | 'ingredientLimits'> {
  const out: Pick<Restriction, 'excludeTreats' | 'dailyCaps' | 'ingredientLimits'> = {};
  if (phase.excludeTreats) {
    out.excludeTreats = {
      reason: `treats are not in ${labelOf(protocol)} even with compliant ingredients`,
    };
  }
  if (phase.dailyCaps.length > 0) {
    out.dailyCaps = phase.dailyCaps.map(
      (c): DailyNutrientCap => ({
        nutrient: c.nutrient,
        max: c.max,
        reason: `${phaseReason(protocol, phase)}: ${c.note}`,
      }),
    );
  }
  if (phase.ingredientLimits.length > 0) {
    out.ingredientLimits = phase.ingredientLimits.map((l) => ({
      code: l.code,
      maxGramsPerMeal: l.maxGramsPerMeal,
      reason: `${phaseReason(protocol, phase)}: ${l.note}`,
    }));
  }
  return out;
}

/** The reason shown for a protocol or diet rule: "not in AIP · Elimination", "not in a vegan diet". */
export function phaseReason(protocol: Protocol, phase: Phase): string {
  return protocol.kind === 'diet'
    ? `not in a ${labelOf(protocol)} diet`
    : `not in ${labelOf(protocol)} · ${phase.name}`;
}

/** The phase's diet exceptions that apply to diet `dietId`. */
export function dietExceptionsFor(phase: Phase, dietId: string): DietException[] {
  return phase.dietExceptions.filter((e) => e.diets.includes(dietId));
}

/** "vegetarian or vegan": the diets of an exception, as a reason names them. */
const dietList = (diets: string[]) =>
  diets.length === 1 ? (diets[0] ?? '') : `${diets.slice(0, -1).join(', ')} or ${diets.at(-1)}`;

/**
 * The reason of a rule that some diets are excused from, when the diet is not known (a recipe's
 * compliance row): "not in Whole30 · Elimination unless vegetarian or vegan — Plant-Based…".
 */
export function exceptionReason(base: string, e: DietException): string {
  return `${base} unless ${dietList(e.diets)} — ${e.reason}`;
}

/**
 * The combination of `phaseId` of `protocol` with diet `dietId` the protocol declares
 * impossible (`impossibleDiets`), if any.
 */
export function impossibleDietFor(
  protocol: Protocol,
  phaseId: string,
  dietId: string,
): ImpossibleDiet | undefined {
  return protocol.impossibleDiets.find(
    (x) => x.phases.includes(phaseId) && x.diets.includes(dietId),
  );
}

/**
 * One protocol phase (or diet) on its own as a Restriction, group and allergen rules included,
 * e.g. to precompute which recipes fit each phase. No diet is known here, so a rule some diets
 * are excused from stays, and its reason names the exception.
 */
export function restrictionForPhase(protocol: Protocol, phase: Phase): Restriction {
  const origin = protocol.kind === 'diet' ? 'diet' : 'protocol';
  const base = phaseReason(protocol, phase);
  const reasonOf = (code: string) => {
    const e = phase.dietExceptions.find((x) => x.allow.some((a) => a === code));
    return e ? exceptionReason(base, e) : base;
  };
  return {
    rules: phaseRules(phase, origin, base, new Set(), reasonOf),
    allow: phase.allow,
    dislikes: [],
    ...phaseRecipeRules(protocol, phase),
    ...(phase.fodmapDoses ? { fodmapDoses: true } : {}),
  };
}

/**
 * Allow rules of one source, minus any excuse that would also lift a rule of the other source.
 * The restriction engine applies every allow rule to every protocol and diet rule, so without
 * this Whole30's "ghee excuses dairy" would let ghee into a vegan week.
 */
function ownAllow(allow: ExcuseRule[], other: RestrictionRule[], otherAllow: ExcuseRule[]) {
  const blocked = new Set(other.map((r) => r.code));
  return allow
    .map((a) => ({
      ...a,
      excuses: a.excuses.filter(
        (code) =>
          !blocked.has(code) ||
          otherAllow.some((o) => o.code === a.code && o.excuses.includes(code)),
      ),
    }))
    .filter((a) => a.excuses.length > 0);
}

/**
 * Turns a profile's protocol, phase, diet, allergies, avoided groups and dislikes into the rule
 * set the restriction engine checks foods against. Pure. Rule order: allergy, avoid, personal,
 * protocol, diet (the first violation is the one a person most needs to see).
 */
export function buildRestriction(input: BuildRestrictionInput): BuildRestrictionResult {
  const protocol = findProtocol(input.protocols, input.protocolId);
  if (protocol?.kind !== 'protocol') {
    return {
      ok: false,
      field: 'protocol',
      message: `unknown protocol "${input.protocolId}"; choose one of: ${idsOf(input.protocols, 'protocol')}`,
    };
  }
  const phase = findPhase(protocol, input.phaseId);
  if (!phase) {
    return {
      ok: false,
      field: 'phase',
      message: `${labelOf(protocol)} has no phase "${input.phaseId}"; choose one of: ${protocol.phases.map((ph) => ph.id).join(', ')}`,
    };
  }
  const diet = findProtocol(input.protocols, input.diet);
  const dietPhase = diet?.kind === 'diet' ? diet.phases[0] : undefined;
  if (!diet || !dietPhase) {
    return {
      ok: false,
      field: 'diet',
      message: `unknown diet "${input.diet}"; choose one of: ${idsOf(input.protocols, 'diet')}`,
    };
  }

  const personal = personalRules(
    input.personal ?? { allowed: [], excluded: [] },
    phase.fodmapDoses === true,
  );
  // A diet exception of the phase (the Plant-Based Whole30's legumes) lifts its rules.
  const lifted = new Set(dietExceptionsFor(phase, diet.id).flatMap((e) => e.allow));
  const protocolRules = phaseRules(
    phase,
    'protocol',
    `not in ${labelOf(protocol)} · ${phase.name}`,
    lifted,
  ).filter((r) => !personal.liftedCodes.has(r.code));
  const impossible = impossibleDietFor(protocol, phase.id, diet.id);
  const dietRules = phaseRules(dietPhase, 'diet', `not in a ${labelOf(diet)} diet`);
  const allow = [
    ...ownAllow(phase.allow, dietRules, dietPhase.allow),
    ...ownAllow(dietPhase.allow, protocolRules, phase.allow),
    // A tolerated group is the person's answer to the protocol, not to their diet.
    ...ownAllow(personal.allow, dietRules, []),
  ];
  const rules: RestrictionRule[] = [
    ...unique(input.allergens).map((code) => ({
      kind: 'allergen' as const,
      code,
      origin: 'allergy' as const,
      reason: allergyReason(code),
    })),
    ...unique(input.avoid).map((code) => ({
      kind: 'group' as const,
      code,
      origin: 'avoid' as const,
      reason: avoidReason(code),
    })),
    ...personal.rules,
    ...protocolRules,
    ...dietRules,
  ];
  const seen = new Set<string>();
  const dislikes: FoodRule[] = [
    ...input.dislikes,
    ...(input.dislikedConcepts ?? []).flatMap((c) => c.ndbs.map((ndb) => ({ ndb, name: c.label }))),
    ...personal.foods,
  ].filter((d) => !seen.has(d.ndb) && seen.add(d.ndb));
  const recipeRules = phaseRecipeRules(protocol, phase);
  const dietRecipeRules = phaseRecipeRules(diet, dietPhase);
  const excludeTreats = recipeRules.excludeTreats ?? dietRecipeRules.excludeTreats;
  const dailyCaps = [...(recipeRules.dailyCaps ?? []), ...(dietRecipeRules.dailyCaps ?? [])];
  const ingredientLimits = [
    ...(recipeRules.ingredientLimits ?? []),
    ...(dietRecipeRules.ingredientLimits ?? []),
    ...personal.ingredientLimits,
  ];
  return {
    ok: true,
    restriction: {
      rules,
      allow,
      dislikes,
      ...(personal.liftedFoods.length > 0 ? { liftedFoods: personal.liftedFoods } : {}),
      ...(excludeTreats ? { excludeTreats } : {}),
      ...(dailyCaps.length > 0 ? { dailyCaps } : {}),
      ...(ingredientLimits.length > 0 ? { ingredientLimits } : {}),
      ...(phase.fodmapDoses ? { fodmapDoses: true } : {}),
      ...(impossible
        ? {
            impossible: {
              reason: `${labelOf(protocol)} · ${phase.name} and a ${labelOf(diet)} diet cannot be combined: ${impossible.reason}`,
            },
          }
        : {}),
    },
  };
}
