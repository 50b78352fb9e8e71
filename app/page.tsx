import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requirePageCaller } from '@/app/_server/auth/page-caller';
import { getDb } from '@/db/client';
import { listProtocols } from '@/db/queries/protocols';
import { currentPlanPath } from './_lib/current-plan';
import { toProtocolOptions } from './_lib/protocol-options';
import { OnboardingForm } from './profile/_components/onboarding-form';
import { DEFAULT_PROFILE } from './profile/_lib/profile-values';

export const dynamic = 'force-dynamic';

/** A returning user lands on this week's plan; a new one gets the short onboarding. */
export default async function HomePage() {
  const db = getDb();
  const caller = await requirePageCaller(db);
  if (caller.role === 'clinician') redirect('/clinician');
  const returning = await currentPlanPath(db, caller);
  if (returning) redirect(returning);
  return (
    <>
      <h1>Your first week of elimination-diet meals</h1>
      <p>
        Villi plans a week of meals that follows your protocol, allergies and dislikes while
        reaching your protein and fiber targets — then adds up the shopping. Five short steps; every
        answer has a sensible default, and you can change anything later.
      </p>
      <p className="small muted">
        Villi plans meals and is not medical advice.{' '}
        <Link href="/health-note">When to talk to a clinician</Link> ·{' '}
        <Link href="/protocols">What each protocol means</Link>
      </p>
      <OnboardingForm
        protocols={toProtocolOptions(await listProtocols(db))}
        initial={{ ...DEFAULT_PROFILE, name: 'Me' }}
      />
    </>
  );
}
