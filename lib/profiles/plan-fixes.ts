import type { MealType } from '../foods/codes';
import type { Diagnosis } from '../planner/types';
import { avoidReason, groupLabel } from '../protocols/labels';
import type { RestrictionRule } from '../restrictions/types';
import { type ProfileInput, type ProfilePatch, profilePatchSchema } from './schema';

/**
 * A change to the profile that would let a week be planned: `patch` is a PATCH
 * /api/profiles/{id} body, `text` says it in plain words ("Allow 40 minutes for weekday meals").
 * Only what the person may change on their own: never an allergy, the protocol, its phase, the
 * diet, a nutrient target, or anything the recipe catalog would have to change.
 */
export type PlanFix = { id: string; text: string; patch: FixPatch };

/** The profile fields a fix may change. */
export type FixPatch = Pick<
  ProfilePatch,
  | 'maxMinutes'
  | 'cooking'
  | 'maxProteinMeals'
  | 'leftovers'
  | 'slots'
  | 'avoid'
  | 'dislikes'
  | 'dislikedConcepts'
>;

/** What the candidates are built from: the stored profile's choices. */
export type FixableProfile = Pick<
  ProfileInput,
  | 'slots'
  | 'maxMinutes'
  | 'cooking'
  | 'maxProteinMeals'
  | 'leftovers'
  | 'avoid'
  | 'dislikes'
  | 'dislikedConcepts'
>;

/**
 * Fixes of one kind, smallest first, each asking for more than the one before it: when one
 * makes a plan, every later one would too, so only the smallest that works is worth offering.
 * The ladder is skipped once a ladder named in `skipWhenFound` has a working fix (it asks for
 * everything that one does, and more). `topFirst`: likely to fail as a whole, so its largest
 * fix is tried first and a failure there costs one try.
 */
export type FixLadder = {
  key: string;
  fixes: PlanFix[];
  skipWhenFound?: string[];
  topFirst?: boolean;
};

export type FixContext = {
  /** Names of the profile's disliked foods by NDB number, as the restriction names them. */
  foodNames?: ReadonlyMap<string, string>;
  /** The profile's disliked concepts by id: `name` ("mushrooms") and `label` ("mushrooms (all kinds)"). */
  concepts?: ReadonlyMap<string, { name: string; label: string }>;
  /** Rules of the protocol, diet and allergies: an avoided group they exclude anyway is no fix. */
  rules?: readonly RestrictionRule[];
  /** Prep + cook minutes of the catalog's recipes: a longer limit that lets no recipe in is no fix. */
  recipeMinutes?: readonly number[];
};

/** Added to a time limit, in order; an hour more is as far as a suggestion goes. */
const TIME_STEPS = [10, 20, 30, 40, 50, 60];
/** The profile schema's longest limit. */
const MAX_LIMIT = 300;

type DayKind = 'weekday' | 'weekend';
const DAY_KINDS: DayKind[] = ['weekday', 'weekend'];

/** Losing a snack is the smallest loss, then the lighter meals. */
const SLOT_ORDER: MealType[] = ['snack', 'breakfast', 'lunch', 'dinner'];
const SLOT_WORDS: Record<MealType, string> = {
  breakfast: 'breakfast',
  lunch: 'lunch',
  dinner: 'dinner',
  snack: 'snacks',
};

const LEFTOVERS_TEXT = 'Turn on leftovers (a cooked lunch or dinner feeds up to two later meals)';

/** The profile schema's largest cooking budget and main-protein limit. */
const MAX_SESSIONS = 4;
const MAX_HANDS_ON = 480;
const MAX_PROTEIN_MEALS = 14;
/** Added to a day's hands-on minutes, in order, as the planner's own suggestions try them. */
const HANDS_ON_STEPS = [15, 30, 60, 120];
/** Meals a week of one main protein a fix may add. */
const PROTEIN_STEPS = 4;
const DAY_WORDS: Record<DayKind, string> = { weekday: 'on weekdays', weekend: 'at weekends' };

/**
 * Candidate fixes for a profile no week can be planned for, as ladders in the order to try them
 * (smallest change first): more cooking sessions, then more hands-on minutes, on the kind of day
 * whose cooking budget the diagnosis names, and more meals of one main protein when it names
 * that limit; more time on the kind of day whose limit the diagnosis names (alone, then both
 * kinds together), leftovers, a disliked food or kind of food the diagnosis names, a food group
 * the person chose to avoid that the diagnosis names, then planning without one of the short
 * slots. None is checked here; `findWorkingFixes` tries them.
 */
export function planFixLadders(
  profile: FixableProfile,
  diagnosis: Pick<Diagnosis, 'slots'> & Partial<Pick<Diagnosis, 'suggestions'>>,
  context: FixContext = {},
): FixLadder[] {
  const excluded = excludedByRule(diagnosis);
  const ladders: FixLadder[] = [];

  for (const kind of budgetKinds(diagnosis, excluded)) {
    ladders.push({ key: `sessions-${kind}`, fixes: sessionsLadder(profile, kind) });
    ladders.push({ key: `hands-on-${kind}`, fixes: handsOnLadder(profile, kind) });
  }
  if (diagnosis.suggestions?.some((s) => s.startsWith(PROTEIN_SENTENCE))) {
    ladders.push({ key: 'protein', fixes: proteinLadder(profile) });
  }

  const timeKinds = DAY_KINDS.map((kind) => ({ kind, count: timeBlocked(excluded, kind) }))
    .filter((x) => x.count > 0)
    .sort((a, b) => b.count - a.count)
    .map((x) => x.kind);
  // With both limits in the way, one kind of day alone is seldom enough.
  const topFirst = timeKinds.length === 2;
  for (const kind of timeKinds) {
    ladders.push({ key: `time-${kind}`, fixes: timeLadder(profile, [kind], context), topFirst });
  }
  if (timeKinds.length === 2) {
    ladders.push({
      key: 'time-both',
      fixes: timeLadder(profile, DAY_KINDS, context),
      skipWhenFound: ['time-weekday', 'time-weekend'],
    });
  }

  if (!profile.leftovers && profile.slots.includes('lunch') && profile.slots.includes('dinner')) {
    ladders.push({
      key: 'leftovers',
      fixes: [{ id: 'leftovers', text: LEFTOVERS_TEXT, patch: { leftovers: true } }],
    });
  }

  ladders.push(...byCount(dislikeFixes(profile, excluded, context)));
  ladders.push(...byCount(avoidFixes(profile, excluded, context)));

  if (profile.slots.length > 1) {
    const short = new Set(diagnosis.slots.map((s) => s.slot));
    for (const slot of SLOT_ORDER) {
      if (!short.has(slot) || !profile.slots.includes(slot)) continue;
      const fix: PlanFix = {
        id: `without-${slot}`,
        text: `Plan without ${SLOT_WORDS[slot]}`,
        patch: { slots: profile.slots.filter((s) => s !== slot) },
      };
      ladders.push({ key: fix.id, fixes: [fix] });
    }
  }

  // A fix the API would refuse is no help, whatever the reason it was built.
  return ladders
    .map((l) => ({
      ...l,
      fixes: l.fixes.filter((f) => profilePatchSchema.safeParse(f.patch).success),
    }))
    .filter((l) => l.fixes.length > 0);
}

/** How the planner's diagnosis opens its sentences about these limits (lib/planner/diagnose.ts). */
const BUDGET_SENTENCE = 'No week found within your ';
const PROTEIN_SENTENCE = 'No week found with each main protein';

/**
 * Kinds of day whose cooking budget the diagnosis names: in a sentence of its suggestions (no
 * week within the budget), or as a blocker (recipes one day's budget keeps out on their own).
 */
function budgetKinds(
  diagnosis: Partial<Pick<Diagnosis, 'suggestions'>>,
  excluded: Map<string, number>,
): DayKind[] {
  return DAY_KINDS.filter(
    (kind) =>
      diagnosis.suggestions?.some((s) =>
        s.startsWith(`${BUDGET_SENTENCE}${kind} cooking budget`),
      ) || [...excluded.keys()].some((rule) => rule.startsWith(`${kind} cooking budget`)),
  );
}

function sessionsLadder(profile: FixableProfile, kind: DayKind): PlanFix[] {
  const fixes: PlanFix[] = [];
  for (let n = profile.cooking[kind].sessions + 1; n <= MAX_SESSIONS; n++) {
    fixes.push({
      id: `sessions-${kind}-${n}`,
      text: `Allow ${n} cooking sessions ${DAY_WORDS[kind]}`,
      patch: { cooking: { [kind]: { sessions: n } } },
    });
  }
  return fixes;
}

function handsOnLadder(profile: FixableProfile, kind: DayKind): PlanFix[] {
  const now = profile.cooking[kind].activeMinutes;
  const steps = HANDS_ON_STEPS.map((s) => Math.min(MAX_HANDS_ON, now + s)).filter((m) => m > now);
  return [...new Set(steps)].map((minutes) => ({
    id: `hands-on-${kind}-${minutes}`,
    text: `Allow ${minutes} hands-on minutes ${DAY_WORDS[kind]}`,
    patch: { cooking: { [kind]: { activeMinutes: minutes } } },
  }));
}

function proteinLadder(profile: FixableProfile): PlanFix[] {
  const fixes: PlanFix[] = [];
  const max = profile.maxProteinMeals;
  for (let n = max + 1; n <= Math.min(MAX_PROTEIN_MEALS, max + PROTEIN_STEPS); n++) {
    fixes.push({
      id: `protein-${n}`,
      text: `Allow ${n} meals a week of the same main protein`,
      patch: { maxProteinMeals: n },
    });
  }
  return fixes;
}

/** Recipes each rule keeps out, summed over the diagnosed slots. */
function excludedByRule(diagnosis: Pick<Diagnosis, 'slots'>): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of diagnosis.slots) {
    for (const b of s.blockers) out.set(b.rule, (out.get(b.rule) ?? 0) + b.recipesExcluded);
  }
  return out;
}

/** Recipes the kind of day's time limit keeps out ("weekday time limit 10 min"). */
function timeBlocked(excluded: Map<string, number>, kind: DayKind): number {
  let n = 0;
  for (const [rule, count] of excluded) if (rule.startsWith(`${kind} time limit`)) n += count;
  return n;
}

function timeLadder(profile: FixableProfile, kinds: DayKind[], context: FixContext): PlanFix[] {
  const minutes = context.recipeMinutes;
  const fixes: PlanFix[] = [];
  // The limits of the last step kept: a step is worth trying only if it lets a recipe in.
  const last = { ...profile.maxMinutes };
  for (const step of TIME_STEPS) {
    const next = { ...profile.maxMinutes };
    for (const kind of kinds) next[kind] = Math.min(MAX_LIMIT, profile.maxMinutes[kind] + step);
    const grows = kinds.some((kind) => next[kind] > last[kind]);
    const letsIn = kinds.some(
      (kind) => !minutes || minutes.some((m) => m > last[kind] && m <= next[kind]),
    );
    if (!grows || !letsIn) continue;
    Object.assign(last, next);
    const patch = Object.fromEntries(kinds.map((k) => [k, next[k]])) as FixPatch['maxMinutes'];
    fixes.push({
      id: `time-${kinds.length === 2 ? 'both' : kinds[0]}-${kinds.map((k) => next[k]).join('-')}`,
      text: timeText(next, kinds),
      patch: { maxMinutes: patch },
    });
  }
  return fixes;
}

function timeText(limits: Record<DayKind, number>, kinds: DayKind[]): string {
  if (kinds.length === 1) return `Allow ${limits[kinds[0]!]} minutes for ${kinds[0]} meals`;
  if (limits.weekday === limits.weekend) return `Allow ${limits.weekday} minutes for every meal`;
  return `Allow ${limits.weekday} minutes for weekday meals and ${limits.weekend} for weekend meals`;
}

type Counted = { ladder: FixLadder; count: number };

/** Ladders of single fixes, the ones that free the most recipes first. */
function byCount(list: Counted[]): FixLadder[] {
  return list
    .filter((x) => x.count > 0)
    .sort((a, b) => b.count - a.count)
    .map((x) => x.ladder);
}

/** Recipes the rules naming `words` keep out (a dislike reads "you chose to leave out <name>"). */
function countNaming(excluded: Map<string, number>, words: string): number {
  let n = 0;
  for (const [rule, count] of excluded) if (rule.includes(words)) n += count;
  return n;
}

function single(id: string, text: string, patch: FixPatch, count: number): Counted {
  return { ladder: { key: id, fixes: [{ id, text, patch }] }, count };
}

/** A disliked kind of food or single food the diagnosis names, back on the menu. */
function dislikeFixes(
  profile: FixableProfile,
  excluded: Map<string, number>,
  context: FixContext,
): Counted[] {
  const concepts = profile.dislikedConcepts.flatMap((id) => {
    const concept = context.concepts?.get(id);
    if (!concept) return [];
    const dislikedConcepts = profile.dislikedConcepts.filter((c) => c !== id);
    return [{ id: `concept-${id}`, ...concept, patch: { dislikedConcepts } }];
  });
  const foods = profile.dislikes.flatMap((ndb) => {
    const name = context.foodNames?.get(ndb);
    if (!name) return [];
    const dislikes = profile.dislikes.filter((d) => d !== ndb);
    return [{ id: `dislike-${ndb}`, name, label: name, patch: { dislikes } }];
  });
  return [...concepts, ...foods].map((d) =>
    single(d.id, `Include ${d.name} again`, d.patch, countNaming(excluded, `leave out ${d.label}`)),
  );
}

function avoidFixes(
  profile: FixableProfile,
  excluded: Map<string, number>,
  context: FixContext,
): Counted[] {
  return profile.avoid.flatMap((code) => {
    // The protocol, diet or an allergy leaves the group out anyway: avoiding it is no obstacle.
    const stillOut = context.rules?.some(
      (r) => r.kind === 'group' && r.code === code && r.origin !== 'avoid',
    );
    if (stillOut) return [];
    const reason = avoidReason(code);
    let count = 0;
    for (const [rule, n] of excluded) {
      if (rule === reason || rule.startsWith(`${reason}:`)) count += n;
    }
    return [
      single(
        `avoid-${code}`,
        `Stop avoiding ${groupLabel(code)}`,
        { avoid: profile.avoid.filter((a) => a !== code) },
        count,
      ),
    ];
  });
}

/**
 * Tries the ladders in order and keeps the fixes that make a plan: the smallest working fix of
 * each ladder (its first, else its last and then halving in between), until `maxFixes` work or
 * `maxTries` have been tried. `works` answers whether a week can be planned with the fix; when
 * it throws, the search stops with what it has found.
 */
export async function findWorkingFixes(
  ladders: readonly FixLadder[],
  works: (fix: PlanFix) => Promise<boolean>,
  { maxTries = 8, maxFixes = 3 }: { maxTries?: number; maxFixes?: number } = {},
): Promise<PlanFix[]> {
  const found: PlanFix[] = [];
  const foundKeys = new Set<string>();
  let tries = 0;
  const canTry = () => tries < maxTries;
  const attempt = (fix: PlanFix) => {
    tries++;
    return works(fix);
  };
  try {
    for (const ladder of ladders) {
      if (found.length >= maxFixes || !canTry()) break;
      if (ladder.skipWhenFound?.some((k) => foundKeys.has(k))) continue;
      const fix = await smallestWorking(ladder, attempt, canTry);
      if (fix) {
        found.push(fix);
        foundKeys.add(ladder.key);
      }
    }
  } catch {
    // A failed try (the planner busy, say) ends the search; what was found still holds.
  }
  return found;
}

async function smallestWorking(
  { fixes, topFirst = false }: FixLadder,
  attempt: (fix: PlanFix) => Promise<boolean>,
  canTry: () => boolean,
): Promise<PlanFix | null> {
  const first = fixes[0];
  const top = fixes.length - 1;
  if (!first || !canTry()) return null;
  if (topFirst && top > 0) {
    if (!(await attempt(fixes[top]!))) return null;
    if (!canTry()) return fixes[top]!;
  }
  if (await attempt(first)) return first;
  if (top === 0) return null;
  if (!topFirst && (!canTry() || !(await attempt(fixes[top]!)))) return null;
  // The first fails and the top works: halve the rest.
  let lo = 0;
  let hi = top;
  while (hi - lo > 1 && canTry()) {
    const mid = (lo + hi) >> 1;
    if (await attempt(fixes[mid]!)) hi = mid;
    else lo = mid;
  }
  return fixes[hi]!;
}

/** The profile with a fix applied, as PATCH /api/profiles/{id} stores it. */
export function applyFix<T extends FixableProfile>(profile: T, patch: FixPatch): T {
  const { maxMinutes, cooking, ...rest } = patch;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return {
    ...profile,
    ...defined,
    maxMinutes: { ...profile.maxMinutes, ...maxMinutes },
    cooking: {
      weekday: { ...profile.cooking.weekday, ...cooking?.weekday },
      weekend: { ...profile.cooking.weekend, ...cooking?.weekend },
    },
  };
}

/**
 * The planner's own suggestions a person can act on: one asking for recipes the catalog does
 * not have is dropped, and such a clause is cut from a longer suggestion.
 */
export function doableSuggestions(suggestions: readonly string[]): string[] {
  return suggestions
    .filter((s) => !/^add more\b/i.test(s))
    .map((s) => s.replace(/,? or add more [^;]*recipes\b/i, ''));
}
