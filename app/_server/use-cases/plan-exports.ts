import 'server-only';
import type { Db } from '@/db/client';
import { type PlanView, toWeekPlan } from '@/db/queries/plans';
import { getProfileById } from '@/db/queries/profiles';
import { loadRecipeFoods, loadShoppingRecipes } from '@/db/queries/shopping';
import { exportHeaders } from '@/lib/export/files';
import { planToIcs } from '@/lib/export/plan-ics';
import { planToJson } from '@/lib/export/plan-json';
import { planToMarkdown } from '@/lib/export/plan-markdown';
import type { SharedPortions } from '@/lib/export/shared-portions';
import {
  shoppingListToCsv,
  shoppingListToMarkdown,
  shoppingListToText,
} from '@/lib/export/shopping';
import { toShoppingPlan } from '@/lib/shopping/plan-from-week';
import { nutritionReportFor } from './plan-nutrition';
import { loadPlanOr404 } from './plan-writes';
import type { ShoppingListView } from './shopping-list';

/** A downloadable shopping list in one of the text formats. */
export function shoppingListFile(list: ShoppingListView, format: 'csv' | 'md' | 'txt'): Response {
  const title = `Shopping list, week of ${list.weekStart}`;
  const body =
    format === 'csv'
      ? shoppingListToCsv(list)
      : format === 'md'
        ? shoppingListToMarkdown(list, { title })
        : shoppingListToText(list, { title });
  return new Response(body, { headers: exportHeaders('shopping', list.weekStart, format) });
}

/** A shared plan's members and who eats how much of each meal; undefined for one person. */
function sharedPortionsOf(view: PlanView): SharedPortions | undefined {
  if (!view.shared) return undefined;
  return {
    members: view.members.map((m) => ({
      profileId: m.profileId,
      name: m.name,
      servings: m.portion,
    })),
    byMeal: new Map(view.days.flatMap((d) => d.meals.map((m) => [m.id, m.portionsText] as const))),
  };
}

/** The week as a calendar, Markdown or JSON download (404 for an unknown plan). */
export async function planFile(
  db: Db,
  planId: number,
  format: 'ics' | 'md' | 'json',
  baseUrl: string,
  generatedAt: string,
): Promise<Response> {
  const view = await loadPlanOr404(db, planId);
  const week = toWeekPlan(view);
  const prep = new Map(view.days.map((d) => [d.date, d.prep]));
  const shared = sharedPortionsOf(view);
  const plan = toShoppingPlan(view.id, view.profileId, week, view.householdSize);
  const recipes = await loadShoppingRecipes(
    db,
    week.days.flatMap((d) => d.meals.map((m) => m.recipeSlug)),
  );
  let body: string;
  if (format === 'ics') {
    const profile = await getProfileById(db, view.profileId);
    body = planToIcs({
      plan,
      recipes,
      baseUrl,
      generatedAt,
      mealTimes: profile?.mealTimes,
      calendarName: `Villi — week of ${view.weekStart}`,
      prep,
      shared,
    });
  } else if (format === 'md') {
    body = planToMarkdown({
      plan,
      recipes,
      foods: await loadRecipeFoods(db, recipes),
      baseUrl,
      householdSize: view.householdSize,
      plants: view.score?.plants,
      nutrition: (await nutritionReportFor(db, view.id)).report,
      prep,
      shared,
    });
  } else {
    body = planToJson(plan, recipes, {
      householdSize: view.householdSize,
      nutrition: (await nutritionReportFor(db, view.id)).report,
      shared,
    });
  }
  return new Response(body, { headers: exportHeaders('plan', view.weekStart, format) });
}
