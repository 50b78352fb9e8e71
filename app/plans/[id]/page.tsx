import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { nutritionReportFor } from '@/db/queries/nutrition-report';
import { getPlanById } from '@/db/queries/plans';
import { getProfileById } from '@/db/queries/profiles';
import { reportSummary } from '@/lib/nutrition/report';
import { mondayOf } from '../../_lib/week';
import { NewPlanButton } from '../../profile/_components/new-plan-button';
import { PlanBoard } from './_components/plan-board';

export const dynamic = 'force-dynamic';
type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const plan = /^\d+$/.test(id) ? getPlanById(getDb(), Number(id)) : null;
  return { title: plan ? `Week of ${plan.weekStart}` : 'Plan not found' };
}

export default async function PlanPage({ params }: Props) {
  const { id } = await params;
  if (!/^\d+$/.test(id)) notFound();
  const db = getDb();
  const plan = getPlanById(db, Number(id));
  if (!plan) notFound();
  const profile = getProfileById(db, plan.profileId);
  const inBand = plan.days.filter((d) => d.totals.energyInBand).length;
  const protein = plan.days.filter((d) => d.totals.proteinMet).length;
  const nutrition = reportSummary(nutritionReportFor(db, plan.id, { suggestions: false }).report);

  return (
    <>
      <div className="spread">
        <div>
          <h1>Week of {plan.weekStart}</h1>
          <p className="muted" style={{ marginTop: 0 }}>
            {profile ? (
              <>
                For <Link href={`/profile?id=${profile.id}`}>{profile.name}</Link> ·{' '}
                {profile.protocol} · {profile.phase} · household of {plan.householdSize} ·{' '}
              </>
            ) : null}
            energy in range on {inBand} of {plan.days.length} days, protein met on {protein}
            {plan.score ? ` · ${plan.score.distinctIngredients} different foods to buy` : ''}
          </p>
        </div>
        <div className="row no-print">
          <Link className="button" href={`/plans/${plan.id}/shopping`}>
            Shopping list
          </Link>
          <a className="button secondary" href={`/api/plans/${plan.id}/export?format=ics`} download>
            Calendar (.ics)
          </a>
          <a className="button secondary" href={`/api/plans/${plan.id}/export?format=md`} download>
            Markdown
          </a>
          <a
            className="button secondary"
            href={`/api/plans/${plan.id}/export?format=json`}
            download
          >
            JSON
          </a>
          <Link className="button secondary" href={`/plans/${plan.id}/nutrition`}>
            Nutrition
          </Link>
          <Link className="button secondary" href={`/plans/${plan.id}/print`}>
            Print view
          </Link>
        </div>
      </div>
      <p className="nutrition-summary">
        {nutrition ? `${nutrition} — ` : 'Every tracked nutrient meets its target this week — '}
        <Link href={`/plans/${plan.id}/nutrition`}>see nutrition</Link>
      </p>
      {profile && plan.weekStart !== mondayOf(new Date()) ? (
        <div className="alert info no-print spread" style={{ marginBottom: '0.75rem' }}>
          <span>This plan is for the week of {plan.weekStart}, not this week.</span>
          <NewPlanButton profileId={profile.id} />
        </div>
      ) : null}
      {profile && profile.householdSize !== plan.householdSize ? (
        <p className="alert info">
          This plan was made for {plan.householdSize}{' '}
          {plan.householdSize === 1 ? 'person' : 'people'}; your profile now says{' '}
          {profile.householdSize}. Regenerate the week to rescale every meal (locked meals keep
          their recipe).
        </p>
      ) : null}
      <PlanBoard planId={plan.id} days={plan.days} />
    </>
  );
}
