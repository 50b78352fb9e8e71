/** Nearest-rank percentile of a sample (ms or any unit). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[rank] as number) * 1000) / 1000;
}

export function median(xs: number[]): number {
  return percentile(xs, 50);
}
