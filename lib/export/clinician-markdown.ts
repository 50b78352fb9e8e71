import { formatAmount } from '../nutrition/report';
import type { ClinicianReport, ReportPersonalEntry } from '../report/clinician';
import { loggedTrends } from '../report/symptom-trends';
import {
  datesText,
  dosesText,
  movesText,
  outcomeText,
  personalDoseText,
  personalName,
  phaseText,
  reintroductionText,
  SUMMARY_RULE_TEXT,
} from '../report/words';
import { escapeMarkdown as md } from './markdown';

const cell = (text: string) => md(text).replace(/\n/g, ' ');

function personalTable(entries: readonly ReportPersonalEntry[]): string[] {
  if (entries.length === 0) return ['None.'];
  return [
    '| Food | Largest dose tested | Source |',
    '| --- | --- | --- |',
    ...entries.map(
      (e) => `| ${cell(personalName(e))} | ${cell(personalDoseText(e))} | ${cell(e.sourceText)} |`,
    ),
  ];
}

/** The clinician report as one Markdown document, in the page's order. */
export function clinicianReportToMarkdown(report: ClinicianReport): string {
  const { protocol, trends } = report;
  const symptoms = loggedTrends(trends);
  const out = [
    `# Clinician report: ${md(report.profile.name)}`,
    '',
    `Made ${report.generatedOn} by Villi, a meal planner. It records what the person logged; it is not medical advice.`,
    '',
    '## Protocol and phase',
    '',
    `- Protocol: ${md(protocol.name)}`,
    `- Phase: ${md(phaseText(protocol.phase))}`,
    `- Reintroduction: ${reintroductionText(report.reintroduction)}`,
    `- Adherence (share of planned meals kept): ${md(report.adherence.text)}`,
    '',
    '## Symptoms',
    '',
    report.journal.days === 0
      ? 'No journal entries.'
      : `${report.journal.days} days logged, ${report.journal.from} to ${report.journal.to}. Weekly averages, 0 (none) to 10 (worst); stool form as Bristol type (4 is the middle).`,
    ...(symptoms.length > 0
      ? [
          '',
          '| Symptom | First week | Average | Latest week | Average |',
          '| --- | --- | --- | --- | --- |',
          ...symptoms.map(
            (t) =>
              `| ${cell(t.label)} | ${t.baseline.weekStart} | ${formatAmount(t.baseline.mean)} | ${t.latest.weekStart} | ${formatAmount(t.latest.mean)} |`,
          ),
        ]
      : []),
    '',
    '## Challenges',
    '',
    ...(report.challenges.length === 0
      ? ['No reintroduction challenges yet.']
      : [
          md(SUMMARY_RULE_TEXT),
          '',
          '| Challenge | Dose(s) | Dates | Symptoms that rose | Outcome |',
          '| --- | --- | --- | --- | --- |',
          ...report.challenges.map(
            (c) =>
              `| ${cell(c.food ? `${c.label} — ${c.food}` : c.label)} | ${cell(dosesText(c))} | ${cell(datesText(c))} | ${cell(movesText(c))} | ${cell(outcomeText(c))} |`,
          ),
        ]),
    '',
    '## Personal food list',
    '',
    '### Allowed',
    '',
    ...personalTable(report.personal.allowed),
    '',
    '### Kept out',
    '',
    ...personalTable(report.personal.excluded),
    '',
    '## Nutrition shortfalls by week',
    '',
    ...(report.shortfalls.length === 0
      ? ['No planned week falls short of a tracked target.']
      : [
          'Per person per day, from the planned meals (weekly averages against the targets).',
          '',
          '| Week of | Nutrient | Planned | Target |',
          '| --- | --- | --- | --- |',
          ...report.shortfalls.flatMap((w) =>
            w.nutrients.map(
              (n) =>
                `| ${w.weekStart} | ${cell(n.label)} | ${n.amount === null ? '—' : `${formatAmount(n.amount)} ${cell(n.unit)}`} | ${n.target === null ? '—' : `${formatAmount(n.target)} ${cell(n.unit)}`} |`,
            ),
          ),
        ]),
  ];
  return `${out.join('\n')}\n`;
}
