import 'server-only';
import type { Db } from '@/db/client';
import { challengeDefinitions } from '@/db/queries/challenge-definitions';
import { listJournalEntries } from '@/db/queries/journal';
import { listPlans } from '@/db/queries/plans';
import { getProtocolById } from '@/db/queries/protocols';
import { getReintroduction } from '@/db/queries/reintroduction';
import { clinicianReportToMarkdown } from '@/lib/export/clinician-markdown';
import { exportHeaders } from '@/lib/export/files';
import { journalToCsv } from '@/lib/export/journal-csv';
import type { JournalEntry } from '@/lib/journal/schema';
import {
  buildClinicianReport,
  type ClinicianReport,
  challengePeriods,
  reportChallenges,
  type WeekNutrition,
} from '@/lib/report/clinician';
import { type SymptomTrends, symptomTrends } from '@/lib/report/symptom-trends';
import type { ReportFormat } from '@/lib/validation/report';
import { nutritionReportFor } from './plan-nutrition';
import { loadProfileOr404 } from './profiles';

/** How many of the profile's planned weeks (the newest) the shortfalls cover. */
export const REPORT_WEEKS = 12;

/** The nutrition report of each of the profile's newest planned weeks. */
async function weeklyNutrition(db: Db, profileId: number): Promise<WeekNutrition[]> {
  const plans = (await listPlans(db, profileId)).slice(0, REPORT_WEEKS);
  const weeks: WeekNutrition[] = [];
  // one at a time: each report reads the recipe table, and a report is not worth a burst of load
  for (const plan of plans) {
    // on a plan shared with others, the profile's own portion and targets
    const { report } = await nutritionReportFor(db, plan.id, {
      suggestions: false,
      member: profileId,
    });
    weeks.push({ planId: plan.id, weekStart: plan.weekStart, ...report });
  }
  return weeks;
}

/** A profile's clinician report as of `today` (404 for an unknown profile). */
export async function clinicianReportFor(
  db: Db,
  profileId: number,
  today: string,
): Promise<ClinicianReport> {
  const profile = await loadProfileOr404(db, profileId);
  const [protocol, entries, reintroduction, nutrition] = await Promise.all([
    getProtocolById(db, profile.protocol),
    listJournalEntries(db, profileId, {}),
    getReintroduction(db, profileId),
    weeklyNutrition(db, profileId),
  ]);
  return buildClinicianReport({
    today,
    profile,
    protocol,
    entries,
    reintroduction,
    challengeSet: reintroduction ? await challengeDefinitions(db, reintroduction.protocol) : null,
    personal: profile.personal,
    // nothing records whether planned meals were eaten yet: the report says "not recorded"
    meals: null,
    nutrition,
  });
}

/** The report as the API sends it: JSON, a Markdown file, or the journal as a CSV file. */
export function clinicianReportResponse(report: ClinicianReport, format: ReportFormat): Response {
  if (format === 'json') return Response.json(report);
  if (format === 'md') {
    return new Response(clinicianReportToMarkdown(report), {
      headers: exportHeaders('report', report.generatedOn, 'md'),
    });
  }
  return new Response(journalToCsv(report.journal.rows), {
    headers: exportHeaders('journal', report.generatedOn, 'csv'),
  });
}

/** The journal page's trend charts: the given entries, with the profile's challenges shaded. */
export async function symptomTrendsFor(
  db: Db,
  profileId: number,
  entries: readonly JournalEntry[],
): Promise<SymptomTrends> {
  const reintroduction = await getReintroduction(db, profileId);
  const challengeSet = reintroduction
    ? await challengeDefinitions(db, reintroduction.protocol)
    : null;
  const challenges = reportChallenges({ entries, reintroduction, challengeSet });
  return symptomTrends(entries, challengePeriods(challenges));
}
