import type { MealType } from '../foods/codes';
import type { Restriction, Violation } from '../restrictions/types';
import { fillByFlow } from './feasibility';
import type { LockProblem } from './locks';
import { isFeasible } from './locks';
import { cellOf, type Model, mealTypeBit, recipeViolations } from './model';
import { EMPTY, PlanState } from './state';
import type {
  Diagnosis,
  DiagnosisBlocker,
  PlannedMeal,
  PlannerInput,
  SlotDiagnosis,
} from './types';

/** How a violated rule is named to the user, e.g. "not in AIP · Elimination: nightshade". */
export function ruleLabel(v: Violation): string {
  if (v.origin === 'dislike' || v.kind === 'recipe') return v.reason;
  return v.reason.includes(v.code) ? v.reason : `${v.reason}: ${v.code}`;
}

/** Time limits a suggestion may try, at most this many per kind of day. */
const MAX_TIME_TRIES = 10;

/**
 * Explains why no plan meets the hard rules. Per slot: recipes available vs needed and which
 * rules exclude how many recipes of that meal type. Suggestions are checked: each one is only
 * offered if the changed input really has a plan. Allergies are never suggested for removal.
 */
export function diagnose(
  m: Model,
  fixed: PlanState,
  locked: PlannedMeal[],
  lockProblems: LockProblem[],
): Diagnosis {
  const input = m.input;
  if (lockProblems.length > 0) return diagnoseLocks(m, fixed, lockProblems);
  const perSlot = m.slots.map((slot, s) => slotDiagnosis(m, fixed, slot, s));
  const short = perSlot.filter((x) => !x.feasible);
  const slots = (short.length > 0 ? short : perSlot).map((x) => x.diagnosis);
  const suggestions: string[] = [];

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
      suggestions.push("Turn on leftovers (a dinner feeds the next day's lunch)");
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
  const longest = Math.max(...m.dayLimit);
  const hasWeekday = m.isWeekend.includes(false);
  const hasWeekend = m.isWeekend.includes(true);
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
    if (hasWeekend && m.minutes[r]! > p.maxMinutes.weekend) weekendTooLong++;
    if (m.minutes[r]! <= longest) available++;
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
  const leftoverable = dinnerKeeps ? cells.filter((c) => fixed.sourceDinner(c) >= 0).length : 0;
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
  blockers.sort((a, b) => b.recipesExcluded - a.recipesExcluded || a.rule.localeCompare(b.rule));
  return {
    diagnosis: { slot, available, needed: Math.ceil(toCook / 2), blockers },
    feasible,
    ruleHits,
  };
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
  if (v.origin === 'dislike') {
    return { ...restriction, dislikes: restriction.dislikes.filter((d) => d.ndb !== v.ndb) };
  }
  return {
    ...restriction,
    rules: restriction.rules.filter(
      (r) => !(r.code === v.code && r.origin === v.origin && r.kind === v.kind),
    ),
  };
}
