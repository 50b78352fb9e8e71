import { addDays } from '@/lib/planner/dates';

/** `date`'s local calendar day as YYYY-MM-DD. */
export function localIsoDate(date: Date): string {
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  const dd = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${mm}-${dd}`;
}

/** The Monday of the week containing `date` (local calendar), as YYYY-MM-DD. */
export function mondayOf(date: Date): string {
  const d = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const shift = (d.getDay() + 6) % 7;
  d.setDate(d.getDate() - shift);
  return localIsoDate(d);
}

/** "Nov 30", with the year when it is not `thisYear`'s (a week label). */
export function weekLabel(iso: string, thisYear?: number): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: thisYear === undefined || iso.startsWith(String(thisYear)) ? undefined : 'numeric',
    timeZone: 'UTC',
  });
}

/** The plans next to a week, from a profile's plans (newest first, as `listPlans` returns). */
export function neighbourWeeks(
  plans: readonly { id: number; weekStart: string }[],
  weekStart: string,
  thisWeek: string,
): {
  previous: { id: number; weekStart: string } | null;
  next: { id: number; weekStart: string } | null;
  current: { id: number; weekStart: string } | null;
} {
  const at = (iso: string) => plans.find((p) => p.weekStart === iso) ?? null;
  return {
    previous: at(addDays(weekStart, -7)),
    next: at(addDays(weekStart, 7)),
    current: at(thisWeek),
  };
}
