import type { MealType } from '../foods/codes';
import type { Restriction, Violation } from '../restrictions/types';
import { dayKindText, sessionsText } from './cooking';
import { fillByFlow } from './feasibility';
import type { LockProblem } from './locks';
import { isFeasible } from './locks';
import { leadText, passiveKindOf } from './make-ahead';
import { cellOf, fitsDay, isReady, type Model, mealTypeBit, recipeViolations } from './model';
import { EMPTY, PlanState } from './state';
import type {
  DayCookingBudget,
  Diagnosis,
  DiagnosisBlocker,
  PlannedMeal,
  PlannerInput,
  SlotDiagnosis,
} from './types';
import { mealsText } from './variety';

/** How a violated rule is named to the user, e.g. "not in AIP · Elimination: nightshade". */
export function ruleLabel(v: Violation): string {
  if (v.kind === 'dislike' || v.kind === 'recipe') return v.reason;
  return v.reason.includes(v.code) ? v.reason : `${v.reason}: ${v.code}`;
}

/** Time limits a suggestion may try, at most this many per kind of day. */
const MAX_TIME_TRIES = 10;

/** Days (0–6) a search left over the cooking budget, and which part of it. */
export type BudgetOver = { day: number; sessions: boolean; activeMinutes: boolean }[];

/**
 * Explains why no plan meets the hard rules. Per slot: recipes available vs needed and which
 * rules exclude how many recipes of that meal type. Suggestions are checked: each one is only
 * offered if the changed input really has a plan. Allergies are never suggested for removal.
 * `budgetOver`: the days a search could not bring within the cooking budget (none when the week
 * could not even be filled; then the budget is judged by the recipes it leaves out);
 * `proteinsOver`: the main proteins it could not bring within their limit.
 */
export function diagnose(
  m: Model,
  fixed: PlanState,
  locked: PlannedMeal[],
  lockProblems: LockProblem[],
  budgetOver: BudgetOver = [],
  proteinsOver: string[] = [],
): Diagnosis {
  const input = m.input;
  if (lockProblems.length > 0) return diagnoseLocks(m, fixed, lockProblems);
  const perSlot = m.slots.map((slot, s) => slotDiagnosis(m, fixed, slot, s));
  const short = perSlot.filter((x) => !x.feasible);
  const slots = (short.length > 0 ? short : perSlot).map((x) => x.diagnosis);
  const suggestions: string[] = [];

  const over = budgetOver.length > 0 || short.length === 0 ? budgetOver : budgetFilterOver(m);
  suggestions.push(...budgetSuggestions(m, locked, over));
  suggestions.push(...proteinSuggestions(m, locked, proteinsOver));
  suggestions.push(...timeSuggestions(input, locked));
  const ruleCounts = new Map<string, { count: number; violation: Violation }>();
  for (const x of short.length > 0 ? short : perSlot) {
    for (const [label, entry] of x.ruleHits) {
      const prev = ruleCounts.get(label);
      ruleCounts.set(label, {
        count: (prev?.count ?? 0) + entry.count,
        violation: entry.violation,
      });
    }
  }
  const removable = [...ruleCounts.entries()]
    .filter(([, e]) => e.violation.origin === 'avoid' || e.violation.origin === 'dislike')
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, 5);
  for (const [label, { violation }] of removable) {
    const restriction = withoutRule(input.restriction, violation);
    if (isFeasible({ ...input, restriction }, locked)) suggestions.push(`Remove '${label}'`);
  }
  const p = input.profile;
  if (!p.leftovers && m.lunch >= 0 && m.dinner >= 0) {
    if (isFeasible({ ...input, profile: { ...p, leftovers: true } }, locked)) {
      suggestions.push('Turn on leftovers (a cooked lunch or dinner feeds up to two later meals)');
    }
  }
  let fewerSlots = false;
  for (const x of slots) {
    const profile = { ...p, slots: m.slots.filter((s) => s !== x.slot) };
    if (isFeasible({ ...input, profile }, locked)) {
      suggestions.push(`Plan without ${x.slot}`);
      fewerSlots = true;
    }
  }
  if (!fewerSlots && m.slots.length > 1 && short.length === 0) suggestions.push('Plan fewer slots');
  if (locked.length > 0 && isFeasible(input, [])) suggestions.push('Unlock some meals');
  for (const x of slots) {
    suggestions.push(`Add more ${x.slot} recipes that fit your rules`);
  }
  return { slots, suggestions: [...new Set(suggestions)] };
}

function diagnoseLocks(m: Model, fixed: PlanState, problems: LockProblem[]): Diagnosis {
  const bySlot = new Map<MealType, DiagnosisBlocker[]>();
  for (const pr of problems) {
    const slot = m.slots[pr.cell % m.nSlots]!;
    const list = bySlot.get(slot) ?? [];
    list.push({
      rule: `kept meal ${pr.recipeName} (${pr.mealId}): ${pr.text}`,
      recipesExcluded: 1,
    });
    bySlot.set(slot, list);
  }
  const slots = [...bySlot.entries()].map(([slot, blockers]) => {
    const base = slotDiagnosis(m, fixed, slot, m.slots.indexOf(slot)).diagnosis;
    return { ...base, blockers: [...blockers, ...base.blockers] };
  });
  const suggestions = problems.map((pr) => `Unlock ${pr.recipeName} on ${pr.mealId.slice(0, 10)}`);
  return { slots, suggestions: [...new Set(suggestions)] };
}

type SlotFinding = {
  diagnosis: SlotDiagnosis;
  feasible: boolean;
  ruleHits: Map<string, { count: number; violation: Violation }>;
};

function slotDiagnosis(m: Model, fixed: PlanState, slot: MealType, s: number): SlotFinding {
  const input = m.input;
  const p = input.profile;
  const bit = mealTypeBit(slot);
  const ruleHits = new Map<string, { count: number; violation: Violation }>();
  let weekdayTooLong = 0;
  let weekendTooLong = 0;
  let available = 0;
  const hasWeekday = m.isWeekend.includes(false);
  const hasWeekend = m.isWeekend.includes(true);
  // One day of each kind stands for its budget (every weekday has the same one).
  const weekday = m.isWeekend.indexOf(false);
  const weekend = m.isWeekend.indexOf(true);
  const overBudget = { weekday: 0, weekend: 0 };
  // Make-ahead recipes by what they need ("needs 3 days to ferment"): not served before then.
  const notReady = new Map<string, number>();
  for (const r of m.bySlug.values()) {
    if (!(m.typeMask[r]! & bit)) continue;
    if (!m.compliant[r]) {
      const labels = new Map<string, Violation>();
      for (const v of recipeViolations(input, input.recipes[r]!, m.portions))
        labels.set(ruleLabel(v), v);
      for (const [label, v] of labels) {
        const prev = ruleHits.get(label);
        ruleHits.set(label, { count: (prev?.count ?? 0) + 1, violation: v });
      }
      continue;
    }
    if (hasWeekday && m.minutes[r]! > p.maxMinutes.weekday) weekdayTooLong++;
    else if (hasWeekday && !fitsDay(m, r, weekday)) overBudget.weekday++;
    if (hasWeekend && m.minutes[r]! > p.maxMinutes.weekend) weekendTooLong++;
    else if (hasWeekend && !fitsDay(m, r, weekend)) overBudget.weekend++;
    if (m.dates.some((_, d) => fitsDay(m, r, d) && isReady(m, r, d, s))) available++;
    const lead = m.lead[r * m.nSlots + s]!;
    if (lead > 0) {
      const label = `made ahead: ${leadText(lead, passiveKindOf(input.recipes[r]!))} and its prep starts within the week, so ${lead >= m.dates.length ? 'it is never ready' : `not before ${m.dates[lead]}`}`;
      notReady.set(label, (notReady.get(label) ?? 0) + 1);
    }
  }
  const cells = Array.from({ length: 7 }, (_, d) => cellOf(m, d, s)).filter(
    (c) => fixed.recipe[c] === EMPTY,
  );
  const dinnerKeeps =
    m.leftoversOn &&
    s === m.lunch &&
    Array.from({ length: 6 }, (_, d) => m.cellCandidates[cellOf(m, d, m.dinner)]!).some((list) =>
      list.some((r) => m.keeps[r] === 1),
    );
  const leftoverable = dinnerKeeps ? cells.filter((c) => fixed.previousDinner(c) >= 0).length : 0;
  const toCook = cells.length - leftoverable;
  const probe = new PlanState(m);
  probe.restore(fixed.snapshot());
  probe.banned.set(fixed.banned);
  const feasible = fillByFlow(probe, { cells, assumeLeftovers: dinnerKeeps });

  const blockers: DiagnosisBlocker[] = [...ruleHits.entries()].map(([rule, e]) => ({
    rule,
    recipesExcluded: e.count,
  }));
  if (weekdayTooLong > 0) {
    blockers.push({
      rule: `weekday time limit ${p.maxMinutes.weekday} min`,
      recipesExcluded: weekdayTooLong,
    });
  }
  if (weekendTooLong > 0) {
    blockers.push({
      rule: `weekend time limit ${p.maxMinutes.weekend} min`,
      recipesExcluded: weekendTooLong,
    });
  }
  for (const kind of ['weekday', 'weekend'] as const) {
    const budget = p.cooking?.[kind];
    if (budget && overBudget[kind] > 0) {
      blockers.push({ rule: `${kind} ${budgetText(budget)}`, recipesExcluded: overBudget[kind] });
    }
  }
  for (const [rule, count] of notReady) blockers.push({ rule, recipesExcluded: count });
  blockers.sort((a, b) => b.recipesExcluded - a.recipesExcluded || a.rule.localeCompare(b.rule));
  return {
    diagnosis: { slot, available, needed: toCook, blockers },
    feasible,
    ruleHits,
  };
}

/** "cooking budget 2 cooking sessions and 60 hands-on minutes a day". */
function budgetText(b: DayCookingBudget): string {
  return `cooking budget ${sessionsText(b.sessions)} and ${b.activeMinutes} hands-on minutes a day`;
}

/**
 * Days whose budget keeps recipes out on its own: some compliant recipe of a planned slot fits
 * the day's time limit but not its hands-on minutes (or its sessions, when none is allowed).
 */
function budgetFilterOver(m: Model): BudgetOver {
  if (!m.budgetOn) return [];
  const over: BudgetOver = [];
  const slotBits = m.typeBitOfSlot.reduce((a, b) => a | b, 0);
  for (let d = 0; d < 7; d++) {
    let sessions = false;
    let activeMinutes = false;
    for (const r of m.bySlug.values()) {
      if (!m.compliant[r] || !(m.typeMask[r]! & slotBits) || m.minutes[r]! > m.dayLimit[d]!) {
        continue;
      }
      if (m.active[r]! > m.minuteBudget[d]! + 1e-9) activeMinutes = true;
      if (m.session[r] && m.sessionBudget[d]! < 1) sessions = true;
    }
    if (sessions || activeMinutes) over.push({ day: d, sessions, activeMinutes });
  }
  return over;
}

/** Added to a kind of day's hands-on minutes, in order, until a week is found. */
const MINUTE_STEPS = [15, 30, 60, 120];

/**
 * For each kind of day over its cooking budget: a sentence naming the budget and the days, then
 * the smallest raise of its sessions, and of its hands-on minutes, with which a week is found.
 */
function budgetSuggestions(m: Model, locked: PlannedMeal[], over: BudgetOver): string[] {
  const p = m.input.profile;
  const cooking = p.cooking;
  if (!cooking || over.length === 0) return [];
  const out: string[] = [];
  for (const weekend of [false, true]) {
    const days = over.filter((o) => m.isWeekend[o.day] === weekend);
    if (days.length === 0) continue;
    const kind = weekend ? 'weekend' : 'weekday';
    const b = cooking[kind];
    const plans = (next: DayCookingBudget): boolean =>
      isFeasible({ ...m.input, profile: { ...p, cooking: { ...cooking, [kind]: next } } }, locked);
    out.push(
      `No week found within your ${kind} ${budgetText(b)} (${days.map((o) => m.dates[o.day]).join(', ')})`,
    );
    if (days.some((o) => o.sessions)) {
      for (let n = b.sessions + 1; n <= m.nSlots; n++) {
        if (plans({ ...b, sessions: n })) {
          out.push(`Allow ${sessionsText(n)} ${dayKindText(weekend)}`);
          break;
        }
      }
    }
    if (days.some((o) => o.activeMinutes)) {
      for (const step of MINUTE_STEPS) {
        const minutes = b.activeMinutes + step;
        if (plans({ ...b, activeMinutes: minutes })) {
          out.push(`Allow ${minutes} hands-on minutes ${dayKindText(weekend)}`);
          break;
        }
      }
    }
  }
  return out;
}

/** Meals a week of one main protein a suggestion may try above the limit. */
const MAX_PROTEIN_STEPS = 4;

/**
 * When a search left main proteins over their limit: a sentence naming them, then the smallest
 * higher limit (up to the profile's largest, 14) with which a week is found.
 */
function proteinSuggestions(m: Model, locked: PlannedMeal[], over: string[]): string[] {
  const p = m.input.profile;
  const max = p.maxProteinMeals;
  if (max === undefined || over.length === 0) return [];
  const out = [
    `No week found with each main protein in at most ${mealsText(max)} (${over.join(', ')} more often)`,
  ];
  for (let n = max + 1; n <= Math.min(14, max + MAX_PROTEIN_STEPS); n++) {
    if (isFeasible({ ...m.input, profile: { ...p, maxProteinMeals: n } }, locked)) {
      out.push(`Allow ${mealsText(n)} a week of the same main protein`);
      break;
    }
  }
  return out;
}

function timeSuggestions(input: PlannerInput, locked: PlannedMeal[]): string[] {
  const p = input.profile;
  const out: string[] = [];
  const kinds = [
    { key: 'weekday', label: 'on weekdays' },
    { key: 'weekend', label: 'at weekends' },
  ] as const;
  for (const { key, label } of kinds) {
    const current = p.maxMinutes[key];
    const longer = [
      ...new Set(
        input.recipes
          .map((r) => r.prepMinutes + r.cookMinutes)
          .filter((t) => t > current)
          .sort((a, b) => a - b),
      ),
    ];
    const step = Math.max(1, Math.ceil(longer.length / MAX_TIME_TRIES));
    const tries = longer.filter((_, i) => i % step === step - 1 || i === longer.length - 1);
    for (const limit of tries) {
      const profile = { ...p, maxMinutes: { ...p.maxMinutes, [key]: limit } };
      if (isFeasible({ ...input, profile }, locked)) {
        out.push(`Allow ${limit - current} more minutes ${label}`);
        break;
      }
    }
  }
  return out;
}

function withoutRule(restriction: Restriction, v: Violation): Restriction {
  if (v.kind === 'dislike') {
    return { ...restriction, dislikes: restriction.dislikes.filter((d) => d.ndb !== v.ndb) };
  }
  return {
    ...restriction,
    rules: restriction.rules.filter(
      (r) => !(r.code === v.code && r.origin === v.origin && r.kind === v.kind),
    ),
  };
}
