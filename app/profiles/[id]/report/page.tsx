import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ownsProfile, requirePageCaller, requirePageProfile } from '@/app/_server/auth/page-caller';
import { clinicianReportFor } from '@/app/_server/use-cases/clinician-report';
import { getDb } from '@/db/client';
import { getProfileById } from '@/db/queries/profiles';
import { formatAmount } from '@/lib/nutrition/report';
import type { ReportPersonalEntry } from '@/lib/report/clinician';
import {
  datesText,
  dosesText,
  movesText,
  outcomeText,
  personalDoseText,
  personalName,
  phaseText,
  reintroductionText,
  SUMMARY_RULE_TEXT,
} from '@/lib/report/words';
import { idParamSchema } from '@/lib/validation/ids';
import { SymptomTrendCharts } from '../../../_components/charts/symptom-trends';
import { PrintButton } from '../../../_components/print-button';
import { localIsoDate, weekLabel } from '../../../_lib/week';

export const dynamic = 'force-dynamic';
type Props = { params: Promise<{ id: string }> };

const ID = idParamSchema('id');

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = ID.safeParse((await params).id);
  const profile =
    parsed.success && (await ownsProfile(getDb(), parsed.data))
      ? await getProfileById(getDb(), parsed.data)
      : null;
  return { title: profile ? `Clinician report: ${profile.name}` : 'Profile not found' };
}

function PersonalList({ entries }: { entries: readonly ReportPersonalEntry[] }) {
  if (entries.length === 0) return <p className="muted">None.</p>;
  return (
    <ul className="report-list">
      {entries.map((e) => (
        <li key={`${e.kind}-${e.code}`}>
          <strong>{personalName(e)}</strong>
          {e.maxDoseG !== null ? ` · largest dose tested ${personalDoseText(e)}` : ''}
          <br />
          <span className="small muted">{e.sourceText}</span>
          {e.note ? <span className="small"> · {e.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * One printable page for a clinician: the same content as GET /api/profiles/{id}/report, read
 * on a phone or printed on A4 (no navigation, black on white, the charts two to a row).
 */
export default async function ClinicianReportPage({ params }: Props) {
  const parsed = ID.safeParse((await params).id);
  if (!parsed.success) notFound();
  const db = getDb();
  await requirePageProfile(db, await requirePageCaller(db), parsed.data, 'clinician report page');
  if (!(await getProfileById(db, parsed.data))) notFound();
  const report = await clinicianReportFor(db, parsed.data, localIsoDate(new Date()));
  const { protocol } = report;
  const api = `/api/profiles/${report.profile.id}/report`;

  return (
    <article className="clinician-report">
      <div className="spread">
        <div>
          <h1>Clinician report: {report.profile.name}</h1>
          <p className="muted small" style={{ marginTop: 0 }}>
            Made {report.generatedOn} by Villi, a meal planner. It records what was planned and
            logged; it is not medical advice.
          </p>
        </div>
        <PrintButton />
      </div>
      <p className="no-print small report-downloads">
        Download: <a href={`${api}?format=md`}>Markdown</a> ·{' '}
        <a href={`${api}?format=csv`}>journal (CSV)</a> ·{' '}
        <a href={`${api}?format=json`} download={`villi-report-${report.generatedOn}.json`}>
          JSON
        </a>{' '}
        · <Link href={`/journal?profile=${report.profile.id}`}>Journal</Link>
      </p>

      <section aria-labelledby="phase-heading">
        <h2 id="phase-heading">Protocol and phase</h2>
        <dl className="report-facts">
          <dt>Protocol</dt>
          <dd>{protocol.name}</dd>
          <dt>Phase</dt>
          <dd>{phaseText(protocol.phase)}</dd>
          <dt>Reintroduction</dt>
          <dd>{reintroductionText(report.reintroduction)}</dd>
          <dt>Adherence</dt>
          <dd>
            {report.adherence.recorded
              ? report.adherence.text
              : 'Share of planned meals kept: not recorded'}
          </dd>
          <dt>Journal</dt>
          <dd>
            {report.journal.days === 0
              ? 'no days logged'
              : `${report.journal.days} days logged, ${report.journal.from} to ${report.journal.to}`}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="symptoms-heading">
        <h2 id="symptoms-heading">Symptoms</h2>
        <SymptomTrendCharts trends={report.trends} idPrefix="report-trend" />
      </section>

      <section aria-labelledby="challenges-heading">
        <h2 id="challenges-heading">Challenges</h2>
        {report.challenges.length === 0 ? (
          <p>No reintroduction challenges yet.</p>
        ) : (
          <>
            <p className="small muted">{SUMMARY_RULE_TEXT}</p>
            <ol className="report-challenges">
              {report.challenges.map((c) => (
                <li key={c.id} className="report-challenge">
                  <h3>
                    {c.label}
                    {c.food ? <span className="muted"> — {c.food}</span> : null}
                  </h3>
                  <dl className="report-facts">
                    <dt>Dose(s)</dt>
                    <dd>{dosesText(c)}</dd>
                    <dt>Dates</dt>
                    <dd>{datesText(c)}</dd>
                    <dt>Symptoms</dt>
                    <dd>{movesText(c)}</dd>
                    <dt>Outcome</dt>
                    <dd>
                      <strong>{outcomeText(c)}</strong>
                    </dd>
                  </dl>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="personal-heading">
        <h2 id="personal-heading">Personal food list</h2>
        <h3>Allowed</h3>
        <PersonalList entries={report.personal.allowed} />
        <h3>Kept out</h3>
        <PersonalList entries={report.personal.excluded} />
      </section>

      <section aria-labelledby="shortfalls-heading">
        <h2 id="shortfalls-heading">Nutrition shortfalls by week</h2>
        {report.shortfalls.length === 0 ? (
          <p>No planned week falls short of a tracked target.</p>
        ) : (
          <>
            <p className="small muted">
              Per person per day, from the planned meals: the week's average against the target.
            </p>
            <ul className="report-list">
              {report.shortfalls.map((w) => (
                <li key={w.planId}>
                  <Link href={`/plans/${w.planId}/nutrition`}>
                    Week of {weekLabel(w.weekStart)}
                  </Link>
                  :{' '}
                  {w.nutrients
                    .map(
                      (n) =>
                        `${n.label} ${n.amount === null ? '—' : formatAmount(n.amount)} of ${n.target === null ? '—' : formatAmount(n.target)} ${n.unit}`,
                    )
                    .join('; ')}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </article>
  );
}
