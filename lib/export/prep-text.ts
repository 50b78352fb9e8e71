import type { PrepLine } from '../planner/prep-lines';
import { formatDecimal } from '../units/format';
import { weekdayName } from './dates';

/** A wait from which the line says when to start rather than how long it takes. */
const DAYS_LONG_MINUTES = 24 * 60;

/** "12 h", "8.5 h": unattended hours to the half hour. */
function hoursText(minutes: number): string {
  return `${formatDecimal(Math.round(minutes / 30) / 2, 1)} h`;
}

/**
 * One prep line in words, for the page and the exports. `startsOn` is the date the line is
 * listed on. A wait of days says when to start ("Start the Homemade Ginger Sauerkraut — 15 min
 * hands-on, ready Friday"; names are kept as written); one of hours says how long it takes
 * ("Bone Broth: 40 min hands-on, 12 h simmer — ready Thursday"); a meal ready the day it starts
 * is "ready for dinner".
 */
export function prepLineText(line: PrepLine, startsOn: string): string {
  // a meal id is its date and slot: 2026-11-30-dinner
  const slot = line.forMeal.slice(line.readyOn.length + 1);
  const ready =
    line.readyOn === startsOn ? `ready for ${slot}` : `ready ${weekdayName(line.readyOn)}`;
  const handsOn = `${line.activeMinutes} min hands-on`;
  if (line.passiveMinutes >= DAYS_LONG_MINUTES) {
    return `Start the ${line.recipeName} — ${handsOn}, ${ready}`;
  }
  const wait = `${hoursText(line.passiveMinutes)} ${line.passiveKind ?? 'unattended'}`;
  return `${line.recipeName}: ${handsOn}, ${wait} — ${ready}`;
}
