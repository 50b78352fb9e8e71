const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export type IsoParts = { year: number; month: number; day: number };

/** Splits 'YYYY-MM-DD'; throws on anything else (a caller bug). */
export function parseIsoDate(iso: string): IsoParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new Error(`expected a YYYY-MM-DD date, got "${iso}"`);
  }
  return { year, month, day };
}

/** Day of the week by arithmetic (Sakamoto), so no clock or Date object is involved. */
export function weekdayName(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = month < 3 ? year - 1 : year;
  const index =
    (y +
      Math.floor(y / 4) -
      Math.floor(y / 100) +
      Math.floor(y / 400) +
      (offsets[month - 1] ?? 0) +
      day) %
    7;
  return WEEKDAYS[index] ?? '';
}

/** 'Monday 30 November 2026' */
export function formatLongDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${weekdayName(iso)} ${day} ${MONTHS[month - 1]} ${year}`;
}

/** Headings and titles for meal slots. */
export const SLOT_LABELS = {
  breakfast: 'Breakfast',
  lunch: 'Lunch',
  dinner: 'Dinner',
  snack: 'Snack',
} as const;
