import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageCaller, requirePageProfile } from '@/app/_server/auth/page-caller';
import { visibleProfiles } from '@/app/_server/use-cases/access';
import { getReintroductionView } from '@/app/_server/use-cases/reintroduction';
import { getDb } from '@/db/client';
import { ProfilePicker, pickProfile } from '../_components/profile-picker';
import { ReadOnly } from '../_components/read-only';
import type { RawSearchParams } from '../_components/search-params';
import { localIsoDate } from '../_lib/week';
import { ReintroductionPanel } from './_components/reintroduction-panel';

export const metadata: Metadata = { title: 'Reintroduction' };
export const dynamic = 'force-dynamic';

export default async function ReintroductionPage({
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
        <h1>Reintroduction</h1>
        <p>
          Make a profile first: <Link href="/">start here</Link>.
        </p>
      </>
    );
  }
  const profile = pickProfile(profiles, params);
  await requirePageProfile(db, caller, profile.id, 'reintroduction page');
  const today = localIsoDate(new Date());
  const view = await getReintroductionView(db, profile.id, today);
  return (
    <>
      <h1>Reintroduction</h1>
      <p className="muted small">
        {profile.name} · {profile.protocol} · {profile.phase} since {profile.phaseStartedOn}.{' '}
        <Link href={`/journal?profile=${profile.id}`}>Symptom journal</Link>
      </p>
      <ProfilePicker id="reintro-profile" profiles={profiles} selected={profile.id} />
      <ReadOnly when={caller.role === 'clinician'}>
        <ReintroductionPanel key={profile.id} profileId={profile.id} today={today} initial={view} />
      </ReadOnly>
    </>
  );
}
