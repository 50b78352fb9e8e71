import { stringify } from 'csv-stringify/sync';
import { SYMPTOM_KEYS, type Symptoms } from '../journal/schema';

export const JOURNAL_CSV_COLUMNS = ['date', ...SYMPTOM_KEYS, 'note'] as const;

/**
 * The symptom journal as RFC 4180 CSV: one row per logged day, oldest first, a column per
 * symptom (0–10; stool is the Bristol type, empty on a day without one) and the note. Same
 * conventions as the shopping CSV: CRLF, a UTF-8 byte order mark for Excel, formula-looking
 * notes escaped.
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
  return stringify(records, {
    header: true,
    columns: [...JOURNAL_CSV_COLUMNS],
    record_delimiter: 'windows',
    bom: options.bom ?? true,
    escape_formulas: true,
  });
}
