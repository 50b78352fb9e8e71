import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ownsPlan, requirePageCaller, requirePagePlan } from '@/app/_server/auth/page-caller';
import { nutritionReportFor } from '@/app/_server/use-cases/plan-nutrition';
import { getDb } from '@/db/client';
import { getPlanById } from '@/db/queries/plans';
import { displayLifeStage } from '@/lib/nutrition/dri';
import {
  DAILY_CHART_NUTRIENTS,
  type Finding,
  nutrientLabel,
  nutrientUnit,
  type ReportNutrient,
  swapTarget,
  TRACKED_LIMITS,
} from '@/lib/nutrition/report';
import { formatShare } from '@/lib/units/format';
import { PrintButton } from '../../../_components/print-button';
import { weekLabel } from '../../../_lib/week';
import { type BarRow, DayChart, NutrientBars } from './_components/charts';
import { SwapButton } from './_components/swap-button';

export const dynamic = 'force-dynamic';
type Props = {
  params: Promise<{ id: string }>;
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const plan =
    /^\d+$/.test(id) && (await ownsPlan(getDb(), Number(id)))
      ? await getPlanById(getDb(), Number(id))
      : null;
  return { title: plan ? `Nutrition, week of ${plan.weekStart}` : 'Plan not found' };
}

const weekday = (date: string, style: 'long' | 'short') =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { weekday: style, timeZone: 'UTC' });

export default async function NutritionPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!/^\d+$/.test(id)) notFound();
  const db = getDb();
  await requirePagePlan(db, await requirePageCaller(db), Number(id), 'nutrition page');
  const stored = await getPlanById(db, Number(id));
  if (!stored) notFound();
  // a shared plan: one member's portions and targets (?member=), the first by default
  const asked = (await searchParams)?.member;
  const member = stored.members.find((m) => String(m.profileId) === asked) ?? stored.members[0];
  const { plan, report, recipes } = await nutritionReportFor(db, Number(id), {
    member: member?.profileId,
  });
  const meals = new Map(plan.days.flatMap((d) => d.meals.map((m) => [m.id, m] as const)));
  const mealLabel = (mealId: string) => {
    const m = meals.get(mealId);
    return m ? `${weekday(m.date, 'long')} ${m.slot}` : mealId;
  };

  const rows: BarRow[] = TRACKED_LIMITS.map(({ key, kind }) => {
    const avg = report.weekAverage[key];
    if (kind === 'cap') {
      const top = report.perDay.reduce((a, b) =>
        b.nutrients[key].amount > a.nutrients[key].amount ? b : a,
      );
      const cap = report.caps[key as 'sodiumMg' | 'retinolUg'];
      return {
        key,
        label: nutrientLabel(key),
        amount: avg.amount,
        unit: avg.unit,
        knownShare: avg.knownShare,
        reference: cap.amount,
        kind,
        highest: {
          amount: top.nutrients[key].amount,
          knownShare: top.nutrients[key].knownShare,
          day: weekday(top.date, 'long'),
        },
      };
    }
    return {
      key,
      label: nutrientLabel(key),
      amount: avg.amount,
      unit: avg.unit,
      knownShare: avg.knownShare,
      reference: report.targets[key]?.amount ?? 0,
      kind,
    };
  });

  const dayReference = (key: ReportNutrient) => {
    if (key === 'sodiumMg') return { amount: report.caps.sodiumMg.amount, kind: 'cap' as const };
    const t = report.targets[key];
    return t ? { amount: t.amount, kind: 'target' as const } : undefined;
  };
  const flagged = report.findings.filter((f) => f.status !== 'ok');
  const anyUnknown = report.perDay.some((d) =>
    Object.values(d.nutrients).some((n) => n.knownShare < 1),
  );

  function findingItem(finding: Finding) {
    return (
      <li key={finding.nutrient} className="card finding" style={{ marginBottom: '0.75rem' }}>
        <p style={{ marginTop: 0 }}>
          <strong>
            {nutrientLabel(finding.nutrient as ReportNutrient)}{' '}
            {finding.status === 'low' ? 'low' : 'high'}.
          </strong>{' '}
          {finding.message}
        </p>
        {finding.meals.length > 0 ? (
          <p className="small">
            {finding.status === 'low' ? 'Meals with the least: ' : 'Meals with the most: '}
            {finding.meals.map((mealId, i) => (
              <span key={mealId}>
                {i > 0 ? ', ' : ''}
                <Link href={`/plans/${plan.id}#day-${meals.get(mealId)?.date ?? ''}`}>
                  {mealLabel(mealId)} ({meals.get(mealId)?.recipeName ?? ''})
                </Link>
              </span>
            ))}
          </p>
        ) : null}
        {finding.suggestions.length > 0 ? (
          <>
            <p className="small" style={{ marginBottom: '0.25rem' }}>
              Recipes that fit this plan's rules and would help:
            </p>
            <ul className="suggestions">
              {finding.suggestions.map((slug) => {
                const r = recipes.get(slug);
                const into = swapTarget(
                  finding.meals.flatMap((mealId) => meals.get(mealId) ?? []),
                  r?.mealTypes ?? [],
                )?.id;
                return (
                  <li key={slug}>
                    <Link href={`/recipes/${slug}`}>{r?.name ?? slug}</Link>{' '}
                    {into ? (
                      <SwapButton
                        planId={plan.id}
                        mealId={into}
                        recipeSlug={slug}
                        label={`Swap into ${mealLabel(into)}`}
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
      </li>
    );
  }

  return (
    <div className="nutrition-report">
      <div className="spread">
        <div>
          <p className="no-print" style={{ margin: 0 }}>
            <Link href={`/plans/${plan.id}`}>← Week of {weekLabel(plan.weekStart)}</Link>
          </p>
          <h1>Nutrition, week of {weekLabel(plan.weekStart)}</h1>
          {plan.shared ? (
            <nav aria-label="Whose nutrition" className="row no-print">
              {plan.members.map((m) => (
                <Link
                  key={m.profileId}
                  className={`button ${m.profileId === member?.profileId ? '' : 'secondary'}`}
                  aria-current={m.profileId === member?.profileId ? 'page' : undefined}
                  href={`/plans/${plan.id}/nutrition?member=${m.profileId}`}
                >
                  {m.name} ({formatShare(m.portion)})
                </Link>
              ))}
            </nav>
          ) : null}
          <p className="muted" style={{ marginTop: 0 }}>
            {plan.shared ? `${member?.name}'s portions, per day.` : 'Per person per day.'} Vitamins
            and minerals are judged on the 7-day average (targets describe usual intake); sodium and
            preformed vitamin A on each day. Targets for {displayLifeStage(report.lifeStage)}
            {report.lifeStageNote ? ` (${report.lifeStageNote})` : ''}; a clinician can change any
            of them on the{' '}
            <Link href={`/profile?id=${member?.profileId ?? plan.profileId}`}>profile</Link>.
          </p>
        </div>
        <PrintButton />
      </div>

      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">This week at a glance</h2>
        {flagged.length === 0 ? (
          <p>Every tracked nutrient meets its target and every day stays within its limits.</p>
        ) : (
          <ul className="plain-list">{flagged.map(findingItem)}</ul>
        )}
      </section>

      <section aria-labelledby="bars-heading">
        <h2 id="bars-heading">Vitamins, minerals and limits</h2>
        <p className="small muted">
          Each bar is the weekly average against its target (solid line) or daily limit (dashed
          line; the triangle is the highest day, red when it is over). Bars stop at twice the
          target; the numbers give the amounts.
        </p>
        <NutrientBars
          id="weekly-bars"
          title="Weekly average of each tracked nutrient against its target or limit"
          rows={rows}
        />
      </section>

      <section aria-labelledby="days-heading">
        <h2 id="days-heading">Day by day</h2>
        <div className="day-charts">
          {DAILY_CHART_NUTRIENTS.map((key) => (
            <DayChart
              key={key}
              id={`day-${key}`}
              title={nutrientLabel(key)}
              unit={nutrientUnit(key)}
              reference={dayReference(key)}
              days={report.perDay.map((d) => ({
                day: weekday(d.date, 'long'),
                label: weekday(d.date, 'short'),
                amount: d.nutrients[key].amount,
                knownShare: d.nutrients[key].knownShare,
              }))}
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="untracked-heading">
        <h2 id="untracked-heading">Not tracked</h2>
        <ul>
          {report.notTracked.map((n) => (
            <li key={n.nutrient}>{n.message}</li>
          ))}
        </ul>
      </section>

      <p className="small muted">
        {anyUnknown
          ? 'Amounts marked "at least" (lighter bars, *) include ingredients with no USDA value: the real amount may be higher, never lower. '
          : ''}
        Villi plans meals; it is not medical advice. It never recommends supplements or medicines:
        talk to your clinician or dietitian about any shortfall that lasts.
      </p>
    </div>
  );
}
