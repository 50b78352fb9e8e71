import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar, Line, LinePath } from '@visx/shape';
import { formatAmount } from '@/lib/nutrition/report';
import { addDays, daysBetween } from '@/lib/planner/dates';
import {
  type ChallengePeriod,
  loggedTrends,
  OUTCOME_MARKS,
  OUTCOME_WORDS,
  type SymptomTrend,
  type SymptomTrends,
} from '@/lib/report/symptom-trends';
import { weekLabel } from '../../_lib/week';
import { CHART_COLORS, ChartFigure } from './chart-figure';

/**
 * One small chart per symptom: the weekly average as a line (a week without ratings is a gap),
 * challenge days shaded, each challenge's outcome written on it as a letter (T, R, U; the
 * legend spells them out), so nothing is told by color alone. Below the charts a table gives
 * each symptom's first and latest weekly average, the text alternative of the whole set.
 */

const SHADE = '#dbe4ee';
const OUTCOME_COLOR = {
  tolerated: CHART_COLORS.brand,
  reacted: CHART_COLORS.over,
  unclear: CHART_COLORS.short,
} as const;

const range = (from: string, to: string) =>
  from === to ? weekLabel(from) : `${weekLabel(from)}–${weekLabel(to)}`;

function periodText(p: ChallengePeriod): string {
  return `${p.label}, ${range(p.from, p.to)}: ${p.outcome ? OUTCOME_WORDS[p.outcome] : 'no outcome yet'}`;
}

function SymptomChart({
  trend,
  weeks,
  periods,
  idPrefix,
}: {
  trend: SymptomTrend;
  weeks: readonly string[];
  periods: readonly ChallengePeriod[];
  idPrefix: string;
}) {
  const width = 320;
  const height = 112;
  const margin = { top: 20, right: 6, bottom: 16, left: 20 };
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const first = weeks[0] ?? '';
  const stool = trend.key === 'stool';
  const scale = stool
    ? { min: 1, max: 7, ticks: [1, 4, 7] }
    : { min: 0, max: 10, ticks: [0, 5, 10] };
  const x = scaleLinear<number>({ domain: [0, weeks.length * 7], range: [0, innerW] });
  const y = scaleLinear<number>({ domain: [scale.min, scale.max], range: [innerH, 0] });
  const dayX = (date: string) => x(daysBetween(first, date));
  // at most about five week labels, so they never run into each other at 320 px
  const step = Math.max(1, Math.ceil(weeks.length / 5));
  const unit = stool ? 'Bristol type, 1 to 7' : '0 to 10';
  const points = trend.weeks.map((w) => ({ ...w, x: dayX(w.weekStart) + x(3.5) }));
  const id = `${idPrefix}-${trend.key}`;
  const desc = [
    `Weekly average of ${trend.label.toLowerCase()} (${unit}): ${trend.weeks
      .map(
        (w) =>
          `week of ${weekLabel(w.weekStart)} ${w.mean === null ? 'not logged' : formatAmount(w.mean)}`,
      )
      .join(', ')}.`,
    periods.length > 0 ? `Challenges: ${periods.map(periodText).join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <ChartFigure
      id={id}
      className="symptom-chart"
      width={width}
      height={height}
      title={`${trend.label}, weekly average`}
      desc={desc}
      table={
        <table>
          <caption>{`${trend.label}, weekly average (${unit})`}</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Average</th>
              <th scope="col">Days logged</th>
            </tr>
          </thead>
          <tbody>
            {trend.weeks.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">{weekLabel(w.weekStart)}</th>
                <td>{w.mean === null ? 'not logged' : formatAmount(w.mean)}</td>
                <td>{w.days}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <text x={0} y={12} fontSize={12} fontWeight={600} fill={CHART_COLORS.ink}>
        {trend.label}
        <tspan fontWeight={400} fill={CHART_COLORS.muted}>
          {' '}
          · {unit}
        </tspan>
      </text>
      <Group left={margin.left} top={margin.top}>
        {periods.map((p) => {
          const px = dayX(p.from);
          const pw = Math.max(3, dayX(addDays(p.to, 1)) - px);
          return (
            <Group key={p.id}>
              <Bar x={px} y={0} width={pw} height={innerH} fill={SHADE} />
              {p.outcome ? (
                <text
                  x={px + pw / 2}
                  y={9}
                  fontSize={10}
                  fontWeight={700}
                  textAnchor="middle"
                  fill={OUTCOME_COLOR[p.outcome]}
                >
                  {OUTCOME_MARKS[p.outcome]}
                </text>
              ) : null}
            </Group>
          );
        })}
        {scale.ticks.map((t) => (
          <Group key={t}>
            <Line
              from={{ x: 0, y: y(t) }}
              to={{ x: innerW, y: y(t) }}
              stroke={stool && t === 4 ? CHART_COLORS.muted : CHART_COLORS.track}
              strokeDasharray={stool && t === 4 ? '4 3' : undefined}
              strokeWidth={1}
            />
            <text x={-4} y={y(t) + 3} fontSize={9} textAnchor="end" fill={CHART_COLORS.muted}>
              {t}
            </text>
          </Group>
        ))}
        <LinePath
          data={points}
          x={(p) => p.x}
          y={(p) => y(p.mean ?? scale.min)}
          defined={(p) => p.mean !== null}
          stroke={CHART_COLORS.brand}
          strokeWidth={2}
        />
        {points.map((p) =>
          p.mean === null ? null : (
            <circle key={p.weekStart} cx={p.x} cy={y(p.mean)} r={2.5} fill={CHART_COLORS.brand} />
          ),
        )}
        {weeks.map((w, i) =>
          i % step === 0 ? (
            <text key={w} x={dayX(w)} y={innerH + 12} fontSize={9} fill={CHART_COLORS.muted}>
              {weekLabel(w)}
            </text>
          ) : null,
        )}
      </Group>
    </ChartFigure>
  );
}

/** Every symptom's chart, the legend of the challenges and the first-and-latest table. */
export function SymptomTrendCharts({
  trends,
  idPrefix = 'trend',
}: {
  trends: SymptomTrends;
  idPrefix?: string;
}) {
  if (trends.weeks.length === 0) {
    return (
      <p className="muted">Nothing to chart yet: the charts start with the first logged day.</p>
    );
  }
  const logged = loggedTrends(trends);
  return (
    <div className="symptom-trends">
      <p className="small muted">
        Weekly averages, 0 (none) to 10 (worst); stool form as the Bristol type, with type 4 (the
        middle) dashed.
        {trends.periods.length > 0
          ? ' Shaded: challenge days, marked T tolerated, R reacted, U unclear.'
          : ''}
      </p>
      {trends.periods.length > 0 ? (
        <ul className="small challenge-legend">
          {trends.periods.map((p) => (
            <li key={p.id}>
              {p.outcome ? <strong>{OUTCOME_MARKS[p.outcome]}</strong> : null} {periodText(p)}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="symptom-charts">
        {trends.symptoms.map((t) => (
          <SymptomChart
            key={t.key}
            trend={t}
            weeks={trends.weeks}
            periods={trends.periods}
            idPrefix={idPrefix}
          />
        ))}
      </div>
      <table className="trend-summary small">
        <caption>First and latest week of each symptom (weekly averages)</caption>
        <thead>
          <tr>
            <th scope="col">Symptom</th>
            <th scope="col">First week</th>
            <th scope="col">Latest week</th>
          </tr>
        </thead>
        <tbody>
          {logged.map((t) => (
            <tr key={t.key}>
              <th scope="row">{t.label}</th>
              <td>
                {formatAmount(t.baseline.mean)}{' '}
                <span className="muted">({weekLabel(t.baseline.weekStart)})</span>
              </td>
              <td>
                {formatAmount(t.latest.mean)}{' '}
                <span className="muted">({weekLabel(t.latest.weekStart)})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
