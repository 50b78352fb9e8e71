const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== iso)
    throw new Error(`not a calendar date: ${iso}`);
  return ms;
}

const DAY_MS = 86_400_000;

/** `iso` plus `days` calendar days, as `YYYY-MM-DD` (UTC arithmetic: no time zones involved). */
export function addDays(iso: string, days: number): string {
  return new Date(parseIsoDate(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to) - parseIsoDate(from)) / DAY_MS);
}

/** Saturday or Sunday. */
export function isWeekend(iso: string): boolean {
  const weekday = new Date(parseIsoDate(iso)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The 7 dates of the week starting at `weekStart`. */
export function weekDates(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}
