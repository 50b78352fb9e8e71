import { SYMPTOM_KEYS, type Symptoms } from '../journal/schema';
import { spreadsheetCsv } from './csv';

export const JOURNAL_CSV_COLUMNS = ['date', ...SYMPTOM_KEYS, 'note'] as const;

/**
 * The symptom journal as RFC 4180 CSV: one row per logged day, oldest first, a column per
 * symptom (0–10; stool is the Bristol type, empty on a day without one) and the note.
 */
export function journalToCsv(
  rows: readonly { date: string; symptoms: Symptoms; note: string | null }[],
  options: { bom?: boolean } = {},
): string {
  const records = [...rows]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((r) => ({
      date: r.date,
      ...Object.fromEntries(SYMPTOM_KEYS.map((k) => [k, r.symptoms[k] ?? ''])),
      note: r.note ?? '',
    }));
  return spreadsheetCsv(records, JOURNAL_CSV_COLUMNS, options);
}
