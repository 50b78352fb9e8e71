import { daysText, leadText, passiveKindOf } from './make-ahead';
import { isReady, type Model } from './model';

/**
 * Why recipe `r` cannot be served on day `d` (0 = the week's first) at slot `s`: its prep would
 * have to start before the week (see `make-ahead.ts`). Null when it is ready then. Reads as the
 * end of a sentence that starts with the recipe's name.
 */
export function notReadyText(m: Model, r: number, d: number, s: number): string | null {
  if (isReady(m, r, d, s)) return null;
  const lead = m.lead[r * m.nSlots + s]!;
  const needs = leadText(lead, passiveKindOf(m.input.recipes[r]!));
  const slot = m.slots[s]!;
  if (lead >= m.dates.length) {
    return `${needs} before a ${slot}, longer than the ${daysText(m.dates.length)} of the plan, in which its prep must start`;
  }
  return `${needs} before a ${slot} and its prep starts within the plan's week: the first ${slot} it can be is on ${m.dates[lead]}`;
}
