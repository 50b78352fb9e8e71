import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import { CHART_COLORS, ChartFigure } from '@/app/_components/charts/chart-figure';
import { formatAmount } from '@/lib/nutrition/report';

/** The nutrition report's charts: weekly bars against targets and limits, and per-day bars. */

const {
  brand: BRAND,
  short: SHORT,
  over: OVER,
  track: TRACK,
  ink: INK,
  muted: MUTED,
} = CHART_COLORS;

const at = (knownShare: number) => (knownShare < 1 ? 'at least ' : '');

export type BarRow = {
  key: string;
  label: string;
  amount: number;
  unit: string;
  knownShare: number;
  /** The weekly-average target (floor) or the daily limit (cap) the bar is measured against. */
  reference: number;
  kind: 'target' | 'cap';
  /** For caps: the highest day, marked on the bar. */
  highest?: { amount: number; knownShare: number; day: string };
};

function rowText(r: BarRow): string {
  const base = `${r.label}: ${at(r.knownShare)}${formatAmount(r.amount)} ${r.unit} a day on average`;
  if (r.kind === 'target') return `${base}, target ${formatAmount(r.reference)} ${r.unit}`;
  const top = r.highest
    ? `; highest ${at(r.highest.knownShare)}${formatAmount(r.highest.amount)} on ${r.highest.day}`
    : '';
  return `${base}${top}; limit ${formatAmount(r.reference)} ${r.unit} a day`;
}

/**
 * One bar per nutrient: the weekly average as a share of its target (a solid line at 100 %) or
 * of its daily limit (a dashed line, with a triangle at the highest day, red when over). Bars stop at twice the
 * reference; the text gives the exact amount.
 */
export function NutrientBars({ id, title, rows }: { id: string; title: string; rows: BarRow[] }) {
  const width = 320;
  const rowHeight = 40;
  const height = rows.length * rowHeight + 4;
  const x = scaleLinear<number>({ domain: [0, 200], range: [0, width], clamp: true });
  const pct = (v: number, ref: number) => (ref > 0 ? (v / ref) * 100 : 0);
  return (
    <ChartFigure
      id={id}
      width={width}
      height={height}
      title={title}
      desc={`${rows.map(rowText).join('. ')}.`}
      table={
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Nutrient</th>
              <th scope="col">Weekly average, per day</th>
              <th scope="col">Target or limit</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td>
                  {at(r.knownShare)}
                  {formatAmount(r.amount)} {r.unit}
                  {r.highest
                    ? ` (highest ${at(r.highest.knownShare)}${formatAmount(r.highest.amount)}, ${r.highest.day})`
                    : ''}
                </td>
                <td>
                  {r.kind === 'cap' ? 'at most ' : ''}
                  {formatAmount(r.reference)} {r.unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {rows.map((r, i) => {
        const y = i * rowHeight;
        const p = pct(r.amount, r.reference);
        const short = r.kind === 'target' && p < 100;
        const over = r.kind === 'cap' && r.highest && r.highest.amount > r.reference;
        return (
          <Group key={r.key} top={y}>
            <text x={0} y={12} fontSize={12} fill={INK}>
              {r.label}: {at(r.knownShare)}
              {formatAmount(r.amount)} / {r.kind === 'cap' ? 'max ' : ''}
              {formatAmount(r.reference)} {r.unit}
            </text>
            <Bar x={0} y={18} width={width} height={10} rx={5} fill={TRACK} />
            <Bar
              x={0}
              y={18}
              width={Math.max(2, x(p))}
              height={10}
              rx={5}
              fill={short ? SHORT : over ? OVER : BRAND}
              fillOpacity={r.knownShare < 1 ? 0.7 : 1}
            />
            <Line
              from={{ x: x(100), y: 15 }}
              to={{ x: x(100), y: 31 }}
              stroke={INK}
              strokeWidth={2}
              strokeDasharray={r.kind === 'cap' ? '3 2' : undefined}
            />
            {r.highest ? (
              <path
                d={`M ${Math.min(width - 5, Math.max(5, x(pct(r.highest.amount, r.reference))))} 30 l -4 6 l 8 0 z`}
                fill={over ? OVER : MUTED}
              />
            ) : null}
          </Group>
        );
      })}
    </ChartFigure>
  );
}

export type DayValue = { day: string; label: string; amount: number; knownShare: number };

/**
 * A small per-day bar chart with the day's target (solid line) or limit (dashed line). A bar
 * over the limit is red; a lighter bar with a * above is a lower bound (some data missing).
 */
export function DayChart({
  id,
  title,
  unit,
  days,
  reference,
}: {
  id: string;
  title: string;
  unit: string;
  days: DayValue[];
  reference?: { amount: number; kind: 'target' | 'cap' };
}) {
  const width = 320;
  const height = 150;
  const margin = { top: 14, right: 4, bottom: 18, left: 4 };
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const max = Math.max(1, reference?.amount ?? 0, ...days.map((d) => d.amount)) * 1.08;
  const x = scaleBand<string>({
    domain: days.map((d) => d.day),
    range: [0, innerW],
    padding: 0.25,
  });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerH, 0] });
  const refText = reference
    ? `${reference.kind === 'cap' ? 'limit' : 'target'} ${formatAmount(reference.amount)} ${unit}`
    : '';
  const desc = `${days
    .map((d) => `${d.label} ${at(d.knownShare)}${formatAmount(d.amount)} ${unit}`)
    .join(', ')}${reference ? `; ${refText} a day` : ''}.`;
  return (
    <ChartFigure
      id={id}
      className="day-chart"
      width={width}
      height={height}
      title={`${title} per day`}
      desc={desc}
      table={
        <table>
          <caption>{`${title} per day (${unit})`}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">{title}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>
                  {at(d.knownShare)}
                  {formatAmount(d.amount)} {unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <text x={margin.left} y={10} fontSize={12} fill={INK} fontWeight={600}>
        {title} ({unit}){reference ? ` · ${refText}` : ''}
      </text>
      <Group left={margin.left} top={margin.top}>
        {days.map((d) => {
          const bx = x(d.day) ?? 0;
          const by = y(d.amount);
          const over = reference?.kind === 'cap' && d.amount > reference.amount;
          return (
            <Group key={d.day}>
              <Bar
                x={bx}
                y={by}
                width={x.bandwidth()}
                height={Math.max(0, innerH - by)}
                fill={over ? OVER : BRAND}
                fillOpacity={d.knownShare < 1 ? 0.6 : 1}
              />
              {d.knownShare < 1 ? (
                <text
                  x={bx + x.bandwidth() / 2}
                  y={by - 2}
                  fontSize={10}
                  textAnchor="middle"
                  fill={MUTED}
                >
                  *
                </text>
              ) : null}
              <text
                x={bx + x.bandwidth() / 2}
                y={innerH + 13}
                fontSize={10}
                textAnchor="middle"
                fill={MUTED}
              >
                {d.label}
              </text>
            </Group>
          );
        })}
        {reference ? (
          <Line
            from={{ x: 0, y: y(reference.amount) }}
            to={{ x: innerW, y: y(reference.amount) }}
            stroke={INK}
            strokeWidth={1.5}
            strokeDasharray={reference.kind === 'cap' ? '4 3' : undefined}
          />
        ) : null}
      </Group>
    </ChartFigure>
  );
}
