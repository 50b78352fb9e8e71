import { describe, expect, it } from 'vitest';
import { formatLongDate, weekdayName } from '@/lib/export/dates';
import { contentTypeFor, exportFileName, exportHeaders } from '@/lib/export/files';

describe('export file names and types', () => {
  it.each([
    ['shopping', 'csv', 'villi-shopping-2026-11-30.csv'],
    ['plan', 'ics', 'villi-plan-2026-11-30.ics'],
    ['plan', 'md', 'villi-plan-2026-11-30.md'],
  ] as const)('%s %s → %s', (kind, ext, name) => {
    expect(exportFileName(kind, '2026-11-30', ext)).toBe(name);
  });

  it('refuses a week start that is not a date', () => {
    expect(() => exportFileName('plan', '2026-11-30"; x', 'ics')).toThrow(/YYYY-MM-DD/);
  });

  it.each([
    ['csv', 'text/csv; charset=utf-8'],
    ['ics', 'text/calendar; charset=utf-8'],
    ['md', 'text/markdown; charset=utf-8'],
    ['txt', 'text/plain; charset=utf-8'],
    ['json', 'application/json'],
  ] as const)('%s → %s', (ext, type) => {
    expect(contentTypeFor(ext)).toBe(type);
  });

  it('builds download headers', () => {
    expect(exportHeaders('shopping', '2026-11-30', 'csv')).toEqual({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="villi-shopping-2026-11-30.csv"',
    });
  });
});

describe('dates without a clock', () => {
  it.each([
    ['2026-11-30', 'Monday'],
    ['2026-12-06', 'Sunday'],
    ['2000-02-29', 'Tuesday'],
    ['2024-01-01', 'Monday'],
    ['1970-01-01', 'Thursday'],
  ])('%s is a %s', (iso, day) => {
    expect(weekdayName(iso)).toBe(day);
  });

  it('formats a long date', () => {
    expect(formatLongDate('2026-12-01')).toBe('Tuesday 1 December 2026');
    expect(() => formatLongDate('2026-13-01')).toThrow();
  });
});
