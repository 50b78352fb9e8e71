import type { ReactNode } from 'react';

/**
 * The pieces every server-rendered chart shares (visx scales and shapes, no client script): the
 * palette, and a figure whose SVG carries a <title> and <desc> with a visually hidden table of
 * the same numbers (hidden through a wrapping div: a table grows to fit its content whatever
 * its width, and would widen the page on a phone). Widths follow the container through the
 * viewBox, so a chart reads on a 360 px phone and prints at page width.
 */

export const CHART_COLORS = {
  brand: '#2f6b4f',
  short: '#c07a1c',
  over: '#a12622',
  track: '#eceee9',
  ink: '#1f2a24',
  muted: '#5b6760',
} as const;

export function ChartFigure({
  id,
  className,
  width,
  height,
  title,
  desc,
  table,
  children,
}: {
  id: string;
  className?: string;
  width: number;
  height: number;
  title: string;
  desc: string;
  table: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure className={className ? `chart ${className}` : 'chart'}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {children}
      </svg>
      <div className="visually-hidden">{table}</div>
    </figure>
  );
}
