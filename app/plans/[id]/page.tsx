import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ownsPlan, requirePageCaller, requirePagePlan } from '@/app/_server/auth/page-caller';
import { visibleProfiles } from '@/app/_server/use-cases/access';
import { nutritionReportFor } from '@/app/_server/use-cases/plan-nutrition';
import { getDb } from '@/db/client';
import { listProfileNames } from '@/db/queries/household-members';
import { getPlanById, listPlans } from '@/db/queries/plans';
import { getProfileById } from '@/db/queries/profiles';
import { getProtocolById } from '@/db/queries/protocols';
import { reportSummary } from '@/lib/nutrition/report';
import { snackCarbsFor } from '@/lib/planner/nutrition';
import { PLANT_VARIETY_NOTE, plantsText } from '@/lib/planner/plant-words';
import { formatShare } from '@/lib/units/format';
import { localIsoDate, mondayOf, neighbourWeeks, weekLabel } from '../../_lib/week';
import { NewPlanButton } from '../../profile/_components/new-plan-button';
import { HouseholdPlanForm } from './_components/household-plan-form';
import { PlanBoard } from './_components/plan-board';
import { WeekSwitcher } from './_components/week-switcher';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const plan =
    /^\d+$/.test(id) && (await ownsPlan(getDb(), Number(id)))
      ? await getPlanById(getDb(), Number(id))
      : null;
  return { title: plan ? `Week of ${plan.weekStart}` : 'Plan not found' };
}

export default async function PlanPage({ params }: Props) {
  const { id } = await params;
  if (!/^\d+$/.test(id)) notFound();
  const db = getDb();
  const caller = await requirePageCaller(db);
  await requirePagePlan(db, caller, Number(id));
  const plan = await getPlanById(db, Number(id));
  if (!plan) notFound();
  const profile = await getProfileById(db, plan.profileId);
  const protocol = profile ? await getProtocolById(db, profile.protocol) : null;
  const phase = protocol?.phases.find((p) => p.id === profile?.phase);
  const inBand = plan.days.filter((d) => d.totals.energyInBand).length;
  const protein = plan.days.filter((d) => d.totals.proteinMet).length;
  const nutrition = reportSummary(
    (await nutritionReportFor(db, plan.id, { suggestions: false })).report,
  );
  const now = new Date();
  const thisWeek = mondayOf(now);
  const weeks = neighbourWeeks(await listPlans(db, plan.profileId), plan.weekStart, thisWeek);
  const people = `${plan.householdSize} ${plan.householdSize === 1 ? 'person' : 'people'}`;
  const carbs = profile?.carbsPerMealG
    ? { meal: profile.carbsPerMealG, snack: snackCarbsFor(profile.carbsPerMealG) }
    : null;
  // a clinician reads the week; choosing who shares it is the household's
  const readOnly = caller.role === 'clinician';
  // every profile of the household by name (a member may share a plan with people whose
  // profiles they cannot read); energy targets only of the profiles the caller may see
  const energy = new Map(
    (readOnly ? [] : await visibleProfiles(db, caller)).map((p) => [p.id, p.targets.energyKcal]),
  );
  const everyone = (readOnly ? [] : await listProfileNames(db, caller.householdId)).map((p) => ({
    ...p,
    energyKcal: energy.get(p.id) ?? null,
  }));
  const file = (format: string) => `/api/plans/${plan.id}/export?format=${format}`;

  return (
    <PlanBoard
      planId={plan.id}
      days={plan.days}
      today={localIsoDate(now)}
      carbs={carbs}
      shoppingHref={`/plans/${plan.id}/shopping`}
      shared={plan.shared}
      readOnly={readOnly}
      head={
        <>
          <div className="plan-title-row">
            <h1 className="plan-title">
              Week of{' '}
              <time dateTime={plan.weekStart}>{weekLabel(plan.weekStart, now.getFullYear())}</time>
            </h1>
            <WeekSwitcher isThisWeek={plan.weekStart === thisWeek} {...weeks} />
          </div>
          <p className="plan-context">
            {plan.shared ? (
              <>
                Shared by{' '}
                {plan.members.map((m, i) => (
                  <span key={m.profileId}>
                    {i > 0 ? (i === plan.members.length - 1 ? ' and ' : ', ') : ''}
                    <Link href={`/profile?id=${m.profileId}`}>{m.name}</Link> (
                    {formatShare(m.portion)})
                  </span>
                ))}{' '}
                · every meal follows everyone's restrictions
              </>
            ) : profile ? (
              <>
                {protocol?.shortName ?? protocol?.name ?? profile.protocol}
                {phase ? ` · ${phase.name}` : ''} ·{' '}
                <Link href={`/profile?id=${profile.id}`}>{profile.name}</Link> · {people}
              </>
            ) : (
              people
            )}
          </p>
        </>
      }
      menu={
        <>
          <Link className="button secondary" href={`/plans/${plan.id}/nutrition`}>
            Nutrition
          </Link>
          <a className="button secondary" href={file('ics')} download>
            Calendar (.ics)
          </a>
          <a className="button secondary" href={file('md')} download>
            Markdown
          </a>
          <a className="button secondary" href={file('json')} download>
            JSON
          </a>
          <Link className="button secondary" href={`/plans/${plan.id}/print`}>
            Print view
          </Link>
        </>
      }
      notices={
        <>
          <p className="plan-facts small">
            <span className="plan-facts-days">
              Energy in range on {inBand} of {plan.days.length} days, protein met on {protein}
              {plan.score ? ` · ${plan.score.distinctIngredients} different foods to buy` : ''}.{' '}
            </span>
            <span className="nutrition-summary">
              {nutrition
                ? `${nutrition} — `
                : 'Every tracked nutrient meets its target this week — '}
              <Link href={`/plans/${plan.id}/nutrition`}>see nutrition</Link>
            </span>
          </p>
          {plan.score?.plants !== undefined ? (
            <p className="plan-plants small" data-testid="plan-plants">
              <strong>{plantsText(plan.score.plants)}.</strong>{' '}
              <span className="muted">{PLANT_VARIETY_NOTE}</span>
            </p>
          ) : null}
          {profile && !readOnly && plan.weekStart !== thisWeek && !weeks.current ? (
            <div className="alert info no-print spread plan-notice">
              <span>This plan is for the week of {plan.weekStart}, not this week.</span>
              <NewPlanButton profileId={profile.id} thisWeek={thisWeek} />
            </div>
          ) : null}
          {profile && !plan.shared && profile.householdSize !== plan.householdSize ? (
            <p className="alert info plan-notice">
              This plan was made for {people}; your profile now says {profile.householdSize}. Plans
              of this week and later follow the profile; a past week keeps its household. Regenerate
              the week to rescale every meal (locked meals keep their recipe).
            </p>
          ) : null}
          {everyone.length > 1 ? (
            <HouseholdPlanForm
              people={everyone}
              thisWeek={thisWeek}
              checked={plan.members.map((m) => m.profileId)}
            />
          ) : null}
        </>
      }
    />
  );
}
