import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageCaller } from '@/app/_server/auth/page-caller';
import { getReintroductionView } from '@/app/_server/use-cases/reintroduction';
import { getDb } from '@/db/client';
import { listProfiles } from '@/db/queries/profiles';
import { idParamSchema } from '@/lib/validation/ids';
import { one, type RawSearchParams } from '../_components/search-params';
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
  const profiles = await listProfiles(db, caller.householdId);
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
  // like the journal: the profile named in the address, else the latest one
  const wanted = idParamSchema('profile').safeParse(one(params.profile));
  const profile = profiles.find((p) => wanted.success && p.id === wanted.data) ?? profiles[0]!;
  const today = localIsoDate(new Date());
  const view = await getReintroductionView(db, profile.id, today);
  return (
    <>
      <h1>Reintroduction</h1>
      <p className="muted small">
        {profile.name} · {profile.protocol} · {profile.phase} since {profile.phaseStartedOn}.{' '}
        <Link href={`/journal?profile=${profile.id}`}>Symptom journal</Link>
      </p>
      {profiles.length > 1 ? (
        <form method="get" className="row" style={{ marginBottom: '1rem' }}>
          <label htmlFor="reintro-profile">Profile</label>
          <select id="reintro-profile" name="profile" defaultValue={String(profile.id)}>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary">
            Show
          </button>
        </form>
      ) : null}
      <ReintroductionPanel key={profile.id} profileId={profile.id} today={today} initial={view} />
    </>
  );
}
