import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requirePageCaller, visitor } from '@/app/_server/auth/page-caller';
import { visibleProfiles } from '@/app/_server/use-cases/access';
import { clinicianLinkState } from '@/app/_server/use-cases/clinician-grants';
import { getDb } from '@/db/client';
import { listPlans } from '@/db/queries/plans';
import { CredentialsForm } from '../_components/account/credentials-form';
import { one, type RawSearchParams } from '../_components/search-params';
import { weekLabel } from '../_lib/week';
import { AcceptLinkButton } from './_components/accept-link-button';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Clinician access' };

/** Plans listed per person on the clinician's page. */
const RECENT_PLANS = 4;

/**
 * A clinician's landing page: with `?invite=` the member's link (sign up, or accept when signed
 * in); without it the profiles granted to them, with their plans, journal and report.
 */
export default async function ClinicianPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const invite = one((await searchParams).invite);
  return invite ? <LinkView invite={invite} /> : <GrantedView />;
}

async function LinkView({ invite }: { invite: string }) {
  const db = getDb();
  const state = await clinicianLinkState(db, invite);
  if (!state.ok) {
    return (
      <>
        <h1>Clinician access</h1>
        <p className="alert info" role="status">
          {state.message} Ask the member for a new link.
        </p>
        <p>
          <Link href="/sign-in">Sign in</Link>
        </p>
      </>
    );
  }
  const caller = await visitor(db);
  return (
    <>
      <h1>Read-only access to {state.profileName}</h1>
      <p>
        {state.profileName} invites you to read their plans, nutrition reports, symptom journal and
        clinician report. You cannot change anything, and every view is shown to them in an access
        log.
      </p>
      {caller ? (
        <AcceptLinkButton invite={invite} profileName={state.profileName} />
      ) : (
        <>
          <p className="small muted">
            Make a clinician account for this household (an account belongs to one household only).
            Already made one? <Link href="/sign-in">Sign in</Link>, then open the link again.
          </p>
          <CredentialsForm
            mode="sign-up"
            submitLabel="Create my clinician account"
            next="/clinician"
            invite={invite}
          />
        </>
      )}
    </>
  );
}

async function GrantedView() {
  const db = getDb();
  const caller = await requirePageCaller(db);
  if (caller.role !== 'clinician') redirect('/');
  const profiles = await visibleProfiles(db, { ...caller, reading: 'clinician home page' });
  const year = new Date().getFullYear();
  return (
    <>
      <h1>Shared with you</h1>
      <p className="small muted">
        Read-only: what each person shared with you, until they end it. They see each of your views
        in their access log.
      </p>
      {profiles.length === 0 ? (
        <p>Nothing is shared with you now. A member can send you a new link.</p>
      ) : (
        <ul className="stack" style={{ listStyle: 'none', padding: 0 }}>
          {
            await Promise.all(
              profiles.map(async (p) => {
                const plans = (await listPlans(db, p.id)).slice(0, RECENT_PLANS);
                return (
                  <li key={p.id} className="card stack" data-testid={`granted-${p.id}`}>
                    <h2 style={{ margin: 0 }}>{p.name}</h2>
                    <p className="row">
                      <Link href={`/profiles/${p.id}/report`}>Clinician report</Link>
                      <Link href={`/journal?profile=${p.id}`}>Symptom journal</Link>
                    </p>
                    {plans.length > 0 ? (
                      <ul>
                        {plans.map((plan) => (
                          <li key={plan.id}>
                            <Link href={`/plans/${plan.id}`}>
                              Plan, week of {weekLabel(plan.weekStart, year)}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="small muted">No plans yet.</p>
                    )}
                  </li>
                );
              }),
            )
          }
        </ul>
      )}
    </>
  );
}
