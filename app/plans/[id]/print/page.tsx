import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageCaller, requirePagePlan } from '@/app/_server/auth/page-caller';
import { getDb } from '@/db/client';
import { getPlanById, toWeekPlan } from '@/db/queries/plans';
import { loadShoppingRecipes } from '@/db/queries/shopping';
import { addOnText, challengeDayText, WASHOUT_TEXT } from '@/lib/planner/challenge-words';
import { PrintButton } from '../../../_components/print-button';
import { weekLabel } from '../../../_lib/week';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Plan (print)' };

const SLOT_ORDER = ['breakfast', 'lunch', 'snack', 'dinner'];

export default async function PlanPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d+$/.test(id)) notFound();
  const db = getDb();
  await requirePagePlan(db, await requirePageCaller(db), Number(id), 'plan print page');
  const view = await getPlanById(db, Number(id));
  if (!view) notFound();
  const week = toWeekPlan(view);
  const recipes = await loadShoppingRecipes(
    db,
    week.days.flatMap((d) => d.meals.map((m) => m.recipeSlug)),
  );
  const planned = new Set<string>(view.days.flatMap((d) => d.meals.map((m) => m.slot)));
  const slots = SLOT_ORDER.filter((s) => planned.has(s));
  return (
    <div className="print-view">
      <div className="spread no-print">
        <Link href={`/plans/${view.id}`}>← Back</Link>
        <PrintButton />
      </div>
      <h1>Week of {weekLabel(view.weekStart)}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {slots.map((s) => (
              <th scope="col" key={s}>
                {s}
              </th>
            ))}
            <th scope="col" className="num">
              kcal
            </th>
          </tr>
        </thead>
        <tbody>
          {view.days.map((d) => (
            <tr key={d.date}>
              <th scope="row">
                {new Date(`${d.date}T12:00:00Z`).toLocaleDateString('en-US', {
                  weekday: 'short',
                  day: 'numeric',
                  month: 'short',
                  timeZone: 'UTC',
                })}
                {d.washout ? <div className="small">{WASHOUT_TEXT}</div> : null}
              </th>
              {slots.map((s) => {
                const m = d.meals.find((x) => x.slot === s);
                return (
                  <td key={s}>
                    {m ? `${m.recipeName}${m.leftoverOf ? ' (leftovers)' : ''}` : '—'}
                    {m?.challenge ? (
                      <div className="small">
                        <strong>Challenge</strong> · {challengeDayText(m.challenge)}:{' '}
                        {addOnText(m.challenge, m.slot)}
                      </div>
                    ) : null}
                  </td>
                );
              })}
              <td className="num">
                {d.totals.atLeast?.includes('energyKcal') ? 'at least ' : ''}
                {Math.round(d.totals.energyKcal)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">
        {recipes.size} recipes this week. Kcal are per person. The Markdown export holds every
        recipe with its ingredients and steps.
      </p>
    </div>
  );
}
