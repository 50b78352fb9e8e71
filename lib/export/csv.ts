import { stringify } from 'csv-stringify/sync';

/**
 * RFC 4180 CSV for spreadsheets: a header row and CRLF line ends. Starts with a UTF-8 byte
 * order mark by default: Excel on Windows otherwise reads the file in the legacy code page and
 * garbles non-ASCII names; Sheets, Numbers and LibreOffice skip it. Cells starting with
 * = + - @ are prefixed with ' so a spreadsheet never runs them as formulas.
 */
export function spreadsheetCsv(
  records: readonly Record<string, string | number>[],
  columns: readonly string[],
  options: { bom?: boolean } = {},
): string {
  return stringify([...records], {
    header: true,
    columns: [...columns],
    record_delimiter: 'windows',
    bom: options.bom ?? true,
    escape_formulas: true,
  });
}
