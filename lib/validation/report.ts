import { z } from 'zod';

export const REPORT_FORMATS = ['json', 'md', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** GET /api/profiles/{id}/report?format=json|md|csv (JSON when left out). */
export const reportQuerySchema = z.strictObject({
  format: z
    .enum(REPORT_FORMATS, { error: `format must be one of: ${REPORT_FORMATS.join(', ')}` })
    .default('json'),
});
