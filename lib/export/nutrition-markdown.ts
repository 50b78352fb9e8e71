import { displayLifeStage } from '../nutrition/dri';
import {
  formatAmount,
  type NutritionReport,
  nutrientLabel,
  TRACKED_LIMITS,
} from '../nutrition/report';
import { escapeMarkdown } from './markdown';

/**
 * The weekly nutrition report as Markdown lines: a table of each tracked nutrient's weekly
 * average against its target (and each capped nutrient's highest day against its cap), the
 * findings in words, and the nutrients that are not tracked. "at least" marks amounts where some
 * ingredients have no data.
 */
export function nutritionMarkdownLines(report: NutritionReport): string[] {
  const rows = TRACKED_LIMITS.map(({ key, kind }) => {
    const label = nutrientLabel(key);
    const finding = report.findings.find((f) => f.nutrient === key);
    const status = finding?.status ?? '';
    if (kind === 'cap') {
      const cap = report.caps[key as 'sodiumMg' | 'retinolUg'];
      const top = report.perDay.reduce<NutritionReport['perDay'][number] | null>(
        (best, d) =>
          best === null || d.nutrients[key].amount > best.nutrients[key].amount ? d : best,
        null,
      );
      const v = top?.nutrients[key];
      const shown = v ? `${v.knownShare < 1 ? 'at least ' : ''}${formatAmount(v.amount)}` : '–';
      return `| ${label} (highest day) | ${shown} ${cap.unit} | at most ${formatAmount(cap.amount)} ${cap.unit} | ${status} |`;
    }
    const avg = report.weekAverage[key];
    const target = report.targets[key];
    const shown = `${avg.knownShare < 1 ? 'at least ' : ''}${formatAmount(avg.amount)}`;
    return `| ${label} | ${shown} ${avg.unit} | ${target ? `${formatAmount(target.amount)} ${target.unit}` : '–'} | ${status} |`;
  });
  const flagged = report.findings.filter((f) => f.status !== 'ok');
  return [
    '## Nutrition this week',
    '',
    `Per person per day; targets for ${escapeMarkdown(displayLifeStage(report.lifeStage))}${report.lifeStageNote ? ` (${escapeMarkdown(report.lifeStageNote)})` : ''}. Vitamins and minerals are judged on the 7-day average, limits on each day.`,
    '',
    '| Nutrient | This week | Target | |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    ...(flagged.length > 0
      ? flagged.map((f) => `- ${escapeMarkdown(f.message)}`)
      : ['- Every tracked nutrient meets its target and every day stays within its limits.']),
    ...report.notTracked.map((n) => `- ${escapeMarkdown(n.message)}`),
  ];
}
