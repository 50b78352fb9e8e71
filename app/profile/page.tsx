import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { requirePageCaller, requirePageProfile } from '@/app/_server/auth/page-caller';
import { visibleProfiles } from '@/app/_server/use-cases/access';
import { getDb } from '@/db/client';
import { listFoodConcepts } from '@/db/queries/food-concepts';
import { listPlans } from '@/db/queries/plans';
import { foodNamesByNdb, getProfileById } from '@/db/queries/profiles';
import { listProtocols } from '@/db/queries/protocols';
import { GROUP_CODES } from '@/lib/foods/codes';
import { overridesOf } from '@/lib/nutrition/nutrient-targets';
import { GROUP_LABELS } from '@/lib/protocols/labels';
import { idParamSchema } from '@/lib/validation/ids';
import { ReadOnly } from '../_components/read-only';
import type { RawSearchParams } from '../_components/search-params';
import { toProtocolOptions } from '../_lib/protocol-options';
import { mondayOf } from '../_lib/week';
import { DeleteProfileButton } from './_components/delete-profile-button';
import { NewPlanButton } from './_components/new-plan-button';
import { NutrientTargetsTable } from './_components/nutrient-targets-table';
import { OnboardingForm } from './_components/onboarding-form';
import { PersonalListEditor } from './_components/personal-list-editor';
import { ProfileForm } from './_components/profile-form';
import { DEFAULT_PROFILE, type ProfileValues } from './_lib/profile-values';

export const metadata: Metadata = { title: 'Profile' };
export const dynamic = 'force-dynamic';

const ID = idParamSchema('id');

/** The id the API would accept, or undefined when the parameter cannot name a profile. */
function profileIdOf(raw: string | string[]): number | undefined {
  if (typeof raw !== 'string') return undefined;
  const parsed = ID.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export default async function ProfilePage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const params = await searchParams;
  const db = getDb();
  const caller = await requirePageCaller(db);
  const protocols = toProtocolOptions(await listProtocols(db));
  const profiles = await visibleProfiles(db, caller);
  // a member has one profile, their own; a clinician makes none
  const mayAdd = caller.role === 'owner' || (caller.role === 'member' && caller.profileId === null);
  const wantsNew = params.new !== undefined && mayAdd;
  // An id that is not a profile's (unknown, non-numeric, repeated) is a 404, not an empty form.
  const requested = params.id === undefined ? null : profileIdOf(params.id);
  if (requested === undefined) notFound();
  if (requested !== null) await requirePageProfile(db, caller, requested);
  // a clinician sees only the profiles granted to them, listed on their own page
  if (caller.role === 'clinician' && requested === null) redirect('/clinician');
  const profile = wantsNew
    ? null
    : requested !== null
      ? await getProfileById(db, requested)
      : (profiles[0] ?? null);
  if (requested !== null && !profile && !wantsNew) notFound();

  if (!profile) {
    return (
      <>
        <h1>Create your profile</h1>
        <p className="muted">
          Five short steps and Villi plans your week. Every answer has a sensible default; you can
          change anything later.
        </p>
        <OnboardingForm protocols={protocols} initial={DEFAULT_PROFILE} />
      </>
    );
  }

  const personalEntries = [...profile.personal.allowed, ...profile.personal.excluded];
  const names = await foodNamesByNdb(db, [
    ...profile.dislikes,
    ...personalEntries.filter((e) => e.kind === 'food').map((e) => e.code),
  ]);
  const allConcepts = await listFoodConcepts(db);
  const concepts = allConcepts.filter((c) => profile.dislikedConcepts.includes(c.id));
  const groupOptions = GROUP_CODES.map((code) => ({ code, label: GROUP_LABELS[code] }));
  const conceptOptions = allConcepts.map((c) => ({ code: c.id, label: c.label }));
  const personalLabels = Object.fromEntries([
    ...groupOptions.map((g) => [`group:${g.code}`, g.label]),
    ...conceptOptions.map((c) => [`concept:${c.code}`, c.label]),
    ...[...names].map(([ndb, name]) => [`food:${ndb}`, name]),
  ]);
  const initial: ProfileValues & { id: number } = {
    ...DEFAULT_PROFILE,
    ...profile,
    dislikes: [
      ...concepts.map((c) => ({ concept: c.id, name: c.label })),
      ...profile.dislikes.map((ndb) => ({ ndb, name: names.get(ndb) ?? ndb })),
    ],
    body: profile.body,
    clinicianSupervised: profile.clinicianSupervised,
    nutrientTargets: overridesOf(profile.nutrientTargets),
  };
  const plans = await listPlans(db, profile.id);
  // a clinician reads the profile; changing it is the member's
  const readOnly = caller.role === 'clinician';

  return (
    <>
      <div className="spread">
        <h1>{profile.name}</h1>
        <div className="row">
          {readOnly ? null : (
            <>
              <NewPlanButton profileId={profile.id} thisWeek={mondayOf(new Date())} choose />
              <Link className="button secondary" href={`/profiles/${profile.id}/access`}>
                Clinician access
              </Link>
            </>
          )}
          {mayAdd ? (
            <Link className="button secondary" href="/profile?new=1">
              New profile
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">
        Targets per person and day: {profile.targets.energyKcal} kcal (
        {profile.targets.energySource}), {profile.targets.proteinG} g protein,{' '}
        {profile.targets.fiberG} g fiber.
        {profile.clinicianSupervised ? ' Planned with a clinician or dietitian.' : ''}
      </p>
      {concepts.length + profile.dislikes.length > 0 ? (
        <p className="muted small" data-testid="left-out">
          Left out of your plans:{' '}
          {[
            ...concepts.map((c) => `${c.name} (all kinds, ${c.foodCount} foods)`),
            ...profile.dislikes.map((ndb) => names.get(ndb) ?? ndb),
          ].join(' · ')}
          .
        </p>
      ) : null}
      {profile.targets.energyNote ? (
        <p className="alert info">{profile.targets.energyNote}</p>
      ) : null}
      {profile.body && profile.body.ageYears < 18 ? (
        <p className="alert info">
          Elimination diets for teenagers can affect growth: plan this with a clinician or
          dietitian. <Link href="/health-note">Read the health note</Link>.
        </p>
      ) : null}
      {profile.body?.pregnant || profile.body?.lactating ? (
        <p className="alert info">
          Needs are higher in pregnancy and while breastfeeding, and an elimination diet removes
          whole food groups: plan this with your clinician or midwife.
          {profile.body.pregnant
            ? ' Plans leave out organ meats and high-mercury fish in pregnancy.'
            : ''}{' '}
          <Link href="/health-note">Read the health note</Link>.
        </p>
      ) : null}
      {profile.carbsPerMealG ? (
        <p className="alert info">
          Carbohydrate per meal is kept near {profile.carbsPerMealG.target} g. Villi shows
          carbohydrate; it never suggests insulin doses. Talk to your diabetes team before changing
          how you eat.
        </p>
      ) : null}
      {profiles.length > 1 ? (
        <nav aria-label="Profiles" className="row small">
          Profiles:
          {profiles.map((p) => (
            <Link
              key={p.id}
              href={`/profile?id=${p.id}`}
              aria-current={p.id === profile.id ? 'page' : undefined}
            >
              {p.name}
            </Link>
          ))}
        </nav>
      ) : null}
      <p className="small">
        <Link href={`/reintroduction?profile=${profile.id}`}>Reintroduction</Link>: bring foods back
        one at a time after elimination, and see your personal food list grow.
      </p>
      <NutrientTargetsTable nutrientTargets={profile.nutrientTargets} />
      <ReadOnly when={readOnly}>
        <PersonalListEditor
          key={`personal-${profile.id}`}
          profileId={profile.id}
          initial={profile.personal}
          labels={personalLabels}
          groups={groupOptions}
          concepts={conceptOptions}
        />
      </ReadOnly>
      <section aria-labelledby="plans-h">
        <h2 id="plans-h">Plans</h2>
        {plans.length === 0 ? (
          <p className="muted">No plan yet. Make one with “New plan”.</p>
        ) : (
          <ul>
            {plans.map((p) => (
              <li key={p.id}>
                <Link href={`/plans/${p.id}`}>Week of {p.weekStart}</Link>{' '}
                <span className="muted small">(plan {p.id})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {readOnly ? null : (
        <>
          <h2>Edit profile</h2>
          <ProfileForm key={profile.id} protocols={protocols} initial={initial} />
          <h2>Delete</h2>
          <p className="muted small">
            Deleting a profile also deletes its plans, shopping checks and pantry choices.
          </p>
          <DeleteProfileButton profileId={profile.id} name={profile.name} />
        </>
      )}
    </>
  );
}
