import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageCaller, requirePageProfile } from '@/app/_server/auth/page-caller';
import { visibleProfiles } from '@/app/_server/use-cases/access';
import { symptomTrendsFor } from '@/app/_server/use-cases/clinician-report';
import { getDb } from '@/db/client';
import { listJournalEntries } from '@/db/queries/journal';
import { journalDateSchema } from '@/lib/journal/schema';
import { addDays } from '@/lib/planner/dates';
import { OUTCOME_RULE_TEXT } from '@/lib/reintroduction/outcome';
import { mondayOn } from '@/lib/report/symptom-trends';
import { SymptomTrendCharts } from '../_components/charts/symptom-trends';
import { ProfilePicker, pickProfile } from '../_components/profile-picker';
import { one, type RawSearchParams } from '../_components/search-params';
import { localIsoDate } from '../_lib/week';
import { JournalDay } from './_components/journal-day';
import { JournalReadOnly } from './_components/journal-read-only';

export const metadata: Metadata = { title: 'Symptom journal' };
export const dynamic = 'force-dynamic';

/** How far back the page brings entries; older days load when picked. */
const RECENT_DAYS = 60;
/** Weeks the trend charts cover, this one included; the clinician report has them all. */
const TREND_WEEKS = 12;

export default async function JournalPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const params = await searchParams;
  const db = getDb();
  const caller = await requirePageCaller(db);
  const profiles = await visibleProfiles(db, caller, { log: false });
  if (profiles.length === 0) {
    return (
      <>
        <h1>Symptom journal</h1>
        <p>
          Make a profile first: <Link href="/">start here</Link>.
        </p>
      </>
    );
  }
  const profile = pickProfile(profiles, params);
  await requirePageProfile(db, caller, profile.id, 'journal page');
  const today = localIsoDate(new Date());
  const asked = journalDateSchema.safeParse(one(params.date));
  const date = asked.success && asked.data <= today ? asked.data : today;
  // one read for both lists, from the earlier of their first days
  const trendFrom = addDays(mondayOn(today), -7 * (TREND_WEEKS - 1));
  const recentFrom = addDays(today, -RECENT_DAYS);
  const [from] = [trendFrom, recentFrom].sort();
  const entries = await listJournalEntries(db, profile.id, { from });
  const recent = entries.filter((e) => e.date >= recentFrom);
  const trendEntries = entries.filter((e) => e.date >= trendFrom);
  const trends = await symptomTrendsFor(db, profile.id, trendEntries);

  return (
    <>
      <h1>Symptom journal</h1>
      <p className="muted small">
        {profile.name} · phase since {profile.phaseStartedOn}.{' '}
        {caller.role === 'clinician'
          ? 'Each symptom is rated from 0 (none) to 10 (worst).'
          : 'Rate each symptom from 0 (none) to 10 (worst); a good day is one tap on Save.'}{' '}
        <Link href={`/reintroduction?profile=${profile.id}`}>Reintroduction</Link>
      </p>
      <ProfilePicker id="journal-profile" profiles={profiles} selected={profile.id} />
      {caller.role === 'clinician' ? (
        <JournalReadOnly today={today} recent={recent} />
      ) : (
        <JournalDay
          key={`${profile.id}-${date}`}
          profileId={profile.id}
          today={today}
          initialDate={date}
          recent={recent}
        />
      )}
      <details style={{ marginTop: '1.5rem' }}>
        <summary>How Villi judges a food challenge</summary>
        <p className="small">{OUTCOME_RULE_TEXT}</p>
      </details>
      <section aria-labelledby="trends-heading" style={{ marginTop: '1.5rem' }}>
        <h2 id="trends-heading">Trends</h2>
        <p className="small">
          The last {TREND_WEEKS} weeks.{' '}
          <Link href={`/profiles/${profile.id}/report`}>Clinician report</Link> (every week, the
          challenges and the personal food list, printable).
        </p>
        <SymptomTrendCharts trends={trends} idPrefix="journal-trend" />
      </section>
    </>
  );
}
