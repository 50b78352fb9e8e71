import { formatAmount } from '../nutrition/report';
import { OUTCOME_RULE } from '../reintroduction/outcome';
import {
  type ClinicianReport,
  MOVED_POINTS,
  type ReportChallenge,
  type ReportPersonalEntry,
} from './clinician';
import { OUTCOME_WORDS } from './symptom-trends';

/**
 * The report's sentences, shared by the page and the Markdown export so both say the same.
 * Plain text: callers escape for their format.
 */

/** How a challenge's symptom summary is made, in words. */
export const SUMMARY_RULE_TEXT =
  'Symptoms compare the average of the baseline days (the days before the challenge that the ' +
  `outcome proposal uses, after the previous challenge) with the worst day of the dose days, or of ` +
  `the first day and the ${OUTCOME_RULE.challengeDays - 1} days after it when that is longer; ` +
  `a symptom is listed when it rose at least ${MOVED_POINTS} point above its baseline (stool form: moved further from type ${OUTCOME_RULE.stoolMiddle}).`;

type Phase = ClinicianReport['protocol']['phase'];

const weeks = (n: number) => `${formatAmount(n)} week${n === 1 ? '' : 's'}`;

/** "Elimination since 2026-10-05 (8 weeks so far); usually 4 to 6 weeks: 2026-11-02 to 2026-11-16". */
export function phaseText(phase: Phase): string {
  const since = `${phase.name} since ${phase.startedOn} (${weeks(phase.weeksDone)} so far)`;
  const usual = phase.usualWeeks;
  const end = phase.usualEnd;
  if (!usual || !end) return since;
  if (usual.max === null || end.latest === null) {
    return usual.min === 0
      ? `${since}; open-ended`
      : `${since}; usually at least ${weeks(usual.min)}: from ${end.earliest}`;
  }
  const span =
    usual.min === usual.max
      ? weeks(usual.max)
      : `${formatAmount(usual.min)} to ${weeks(usual.max)}`;
  return `${since}; usually ${span}: ${end.earliest} to ${end.latest}`;
}

/** "started 2026-11-01, paused since 2026-11-20", "not started". */
export function reintroductionText(r: ClinicianReport['reintroduction']): string {
  if (!r) return 'not started';
  const paused = r.pausedOn ? `, paused since ${r.pausedOn}` : '';
  const led = r.clinicianLed ? ' (clinician-led: the clinician sets the days)' : '';
  return `started ${r.startedOn}${paused}${led}`;
}

/** "15 g (1 tbsp honey), 30 g (2 tbsp honey)"; "—" when the definition is unknown. */
export function dosesText(c: ReportChallenge): string {
  if (c.doses.length === 0) return '—';
  return c.doses.map((d) => `${formatAmount(d.grams)} g (${d.words})`).join(', ');
}

/** "2026-12-01 to 2026-12-03" or one date; "not started", "skipped", "not recorded". */
export function datesText(c: ReportChallenge): string {
  const first = c.dates[0];
  const last = c.dates[c.dates.length - 1];
  if (!first || !last) {
    if (c.status === 'skipped') return 'skipped';
    // a clinician-led protocol records outcomes, not days
    return c.status === 'pending' ? 'not started' : 'not recorded';
  }
  return first === last ? first : `${first} to ${last}`;
}

/** "Bloating / gas 1.4 → 6; Abdominal pain 0 → 3", or why there is nothing to say. */
export function movesText(c: ReportChallenge): string {
  if (!c.window || !c.baseline) return '—';
  if (c.baseline.logged === 0 || c.loggedInWindow === 0) {
    return `not enough days logged (${c.baseline.logged} baseline, ${c.loggedInWindow} challenge)`;
  }
  if (c.moved.length === 0) return 'no symptom rose above baseline';
  return c.moved
    .map((m) =>
      m.symptom === 'stool'
        ? `${m.label} type ${formatAmount(m.baselineMean)} → type ${m.windowMax}`
        : `${m.label} ${formatAmount(m.baselineMean)} → ${m.windowMax}`,
    )
    .join('; ');
}

/** "reacted (confirmed 2026-12-06)", "tolerated up to 30 g", "pending". */
export function outcomeText(c: ReportChallenge): string {
  if (!c.outcome) return c.status === 'active' ? 'in progress' : c.status;
  const dose =
    c.outcome === 'tolerated' && c.maxDoseG !== null ? ` up to ${formatAmount(c.maxDoseG)} g` : '';
  const on = c.decidedOn ? ` (confirmed ${c.decidedOn})` : '';
  return `${OUTCOME_WORDS[c.outcome]}${dose}${on}`;
}

/** "Garlic (concept garlic)"; the code alone when there is no label. */
export function personalName(e: ReportPersonalEntry): string {
  return e.label ? `${e.label} (${e.kind} ${e.code})` : `${e.kind} ${e.code}`;
}

export function personalDoseText(e: ReportPersonalEntry): string {
  return e.maxDoseG === null ? '—' : `${formatAmount(e.maxDoseG)} g`;
}
