import { isFodmapCode } from '../foods/codes';
import type {
  DailyNutrientCap,
  ExcuseRule,
  FoodRule,
  IngredientLimit,
  Restriction,
  RestrictionRule,
} from './types';

/**
 * One member of a shared plan: their own restriction, and `portion`, what they eat of a meal
 * relative to the planned portion (1½ eats half as much again). Per-person limits scale by it.
 */
export type MemberRestriction = { name: string; restriction: Restriction; portion: number };

const excusable = (r: RestrictionRule) => r.origin === 'protocol' || r.origin === 'diet';

/** The codes of a member's excusable rules. */
const excusableCodes = (r: Restriction) => new Set(r.rules.filter(excusable).map((x) => x.code));

/** Whether `r` excuses rule `code` when a food certainly carries `by`. */
const excuses = (r: Restriction, by: string, code: string) =>
  r.allow.some((a) => a.code === by && a.excuses.includes(code));

/**
 * The exceptions that hold for everyone: the engine applies an exception to every protocol and
 * diet rule of the same code, so an excuse is kept only where every member with such a rule
 * excuses it the same way (Whole30's ghee never lets ghee past a gut-reset member's dairy rule).
 */
function sharedAllow(members: readonly MemberRestriction[]): ExcuseRule[] {
  const ruleCodes = members.map((m) => excusableCodes(m.restriction));
  const out: ExcuseRule[] = [];
  for (const m of members) {
    for (const a of m.restriction.allow) {
      const kept = a.excuses.filter((code) =>
        members.every((o, i) => !ruleCodes[i]!.has(code) || excuses(o.restriction, a.code, code)),
      );
      const have = out.find((x) => x.code === a.code);
      const fresh = kept.filter((c) => !have?.excuses.includes(c));
      if (fresh.length === 0) continue;
      if (have) have.excuses.push(...fresh);
      else out.push({ ...a, excuses: fresh });
    }
  }
  return out;
}

/**
 * Foods lifted from the protocol rules for everyone: the engine lifts a food from every
 * protocol rule, so only a food every member with protocol rules lifts stays lifted.
 */
function sharedLifted(members: readonly MemberRestriction[]): string[] {
  const bound = members.filter((m) => m.restriction.rules.some((r) => r.origin === 'protocol'));
  if (bound.length === 0) return [];
  const [first, ...rest] = bound.map((m) => new Set(m.restriction.liftedFoods ?? []));
  return [...first!].filter((ndb) => rest.every((s) => s.has(ndb)));
}

/**
 * Dose relief (a FODMAP food within its green serve) only when every member with a protocol
 * FODMAP rule is dose-aware and eats at most the planned portion: the serve is per sitting, so a
 * member eating 1½ portions would go over it.
 */
function sharedDoses(members: readonly MemberRestriction[]): boolean {
  const fodmap = members.filter((m) =>
    m.restriction.rules.some((r) => r.origin === 'protocol' && isFodmapCode(r.code)),
  );
  return (
    fodmap.length > 0 &&
    fodmap.every((m) => m.restriction.fodmapDoses === true && m.portion <= 1 + 1e-9)
  );
}

/** Per-person caps and limits in the planned portion's terms: the strictest per nutrient or code. */
function strictest<T extends { reason: string }>(
  members: readonly MemberRestriction[],
  pick: (r: Restriction) => T[] | undefined,
  key: (x: T) => string,
  limit: (x: T) => number,
  scaled: (x: T, value: number) => T,
): T[] {
  const best = new Map<string, T>();
  for (const m of members) {
    for (const x of pick(m.restriction) ?? []) {
      const value = limit(x) / m.portion;
      const have = best.get(key(x));
      if (!have || value < limit(have)) best.set(key(x), scaled(x, value));
    }
  }
  return [...best.values()];
}

const named = (name: string, reason: string) => `${name}: ${reason}`;

/**
 * The restriction a meal shared by several people follows: every rule and dislike of every
 * member (reasons name the member), exceptions and lifted foods only where they hold for all,
 * and per-person caps and limits at the strictest, scaled by each member's portion. A single
 * member's restriction is returned as it is. Pure.
 */
export function unionRestrictions(members: readonly MemberRestriction[]): Restriction {
  const [only] = members;
  if (!only) throw new Error('a shared restriction needs at least one member');
  if (members.length === 1) return only.restriction;
  const rules: RestrictionRule[] = members.flatMap((m) =>
    m.restriction.rules.map((r) => ({ ...r, reason: named(m.name, r.reason) })),
  );
  const seen = new Set<string>();
  const dislikes: FoodRule[] = members
    .flatMap((m) =>
      m.restriction.dislikes.map((d) => ({
        ...d,
        reason: named(m.name, d.reason ?? `leaves out ${d.name}`),
      })),
    )
    .filter((d) => !seen.has(d.ndb) && seen.add(d.ndb));
  const lifted = sharedLifted(members);
  const treats = members.find((m) => m.restriction.excludeTreats);
  const dailyCaps = strictest<DailyNutrientCap>(
    members,
    (r) => r.dailyCaps,
    (c) => c.nutrient,
    (c) => c.max,
    (c, max) => ({ ...c, max }),
  );
  const ingredientLimits = strictest<IngredientLimit>(
    members,
    (r) => r.ingredientLimits,
    (l) => l.code,
    (l) => l.maxGramsPerMeal,
    (l, maxGramsPerMeal) => ({ ...l, maxGramsPerMeal }),
  );
  const impossible = members.find((m) => m.restriction.impossible);
  return {
    rules,
    allow: sharedAllow(members),
    dislikes,
    ...(lifted.length > 0 ? { liftedFoods: lifted } : {}),
    ...(treats?.restriction.excludeTreats
      ? {
          excludeTreats: {
            reason: named(treats.name, treats.restriction.excludeTreats.reason),
          },
        }
      : {}),
    ...(dailyCaps.length > 0 ? { dailyCaps } : {}),
    ...(ingredientLimits.length > 0 ? { ingredientLimits } : {}),
    ...(sharedDoses(members) ? { fodmapDoses: true } : {}),
    ...(impossible?.restriction.impossible
      ? { impossible: { reason: named(impossible.name, impossible.restriction.impossible.reason) } }
      : {}),
  };
}
