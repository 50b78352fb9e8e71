import { z } from 'zod';

/**
 * The JSON of GET /api/profiles/{id}/report (lib/report/clinician.ts ClinicianReport), for the
 * OpenAPI document and for checking responses. The top level and the protocol are spelled out;
 * the sections' inner rows may carry more fields than named here.
 */
const row = z.looseObject({});

export const clinicianReportSchema = z.strictObject({
  generatedOn: z.string(),
  profile: z.strictObject({ id: z.number().int(), name: z.string() }),
  protocol: z.strictObject({
    id: z.string(),
    name: z.string(),
    phase: z.strictObject({
      id: z.string(),
      name: z.string(),
      startedOn: z.string(),
      weeksDone: z.number(),
      usualWeeks: z.strictObject({ min: z.number(), max: z.number().nullable() }).nullable(),
      usualEnd: z.strictObject({ earliest: z.string(), latest: z.string().nullable() }).nullable(),
    }),
  }),
  reintroduction: z
    .strictObject({
      startedOn: z.string(),
      pausedOn: z.string().nullable(),
      clinicianLed: z.boolean(),
    })
    .nullable(),
  adherence: row.describe(
    '{ recorded: false, text: "not recorded" } until meals kept are recorded',
  ),
  journal: z.strictObject({
    days: z.number().int(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    rows: z.array(
      z.strictObject({
        date: z.string(),
        symptoms: z.record(z.string(), z.number().nullable()),
        note: z.string().nullable(),
      }),
    ),
  }),
  trends: row,
  challenges: z.array(
    z.looseObject({ id: z.string(), label: z.string(), outcome: z.string().nullable() }),
  ),
  personal: z.strictObject({ allowed: z.array(row), excluded: z.array(row) }),
  shortfalls: z.array(
    z.looseObject({ planId: z.number().int(), weekStart: z.string(), nutrients: z.array(row) }),
  ),
});
