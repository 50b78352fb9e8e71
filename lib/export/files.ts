export const EXPORT_EXTENSIONS = ['csv', 'ics', 'md', 'txt', 'json'] as const;
export type ExportExt = (typeof EXPORT_EXTENSIONS)[number];
/** What a file holds; a report and its journal are named by the day they were made. */
export type ExportKind = 'shopping' | 'plan' | 'report' | 'journal';

const CONTENT_TYPES: Record<ExportExt, string> = {
  csv: 'text/csv; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json',
};

/** `villi-shopping-2026-11-30.csv`; the date is checked so it is safe in a header. */
export function exportFileName(kind: ExportKind, date: string, ext: ExportExt): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new Error(`the file's date must be YYYY-MM-DD, got "${date}"`);
  }
  return `villi-${kind}-${date}.${ext}`;
}

/** The Content-Type header for an export (JSON is UTF-8 by definition, so no charset). */
export function contentTypeFor(ext: ExportExt): string {
  return CONTENT_TYPES[ext];
}

/** Response headers for a file download of an export. */
export function exportHeaders(
  kind: ExportKind,
  date: string,
  ext: ExportExt,
): Record<string, string> {
  return {
    'content-type': contentTypeFor(ext),
    'content-disposition': `attachment; filename="${exportFileName(kind, date, ext)}"`,
  };
}
