import type { NutritionReport } from '../nutrition/report';
import type { Plan, PlanMeal, Recipe } from '../shopping/types';

export type PlanExport = {
  format: 'villi-plan';
  version: 1;
  plan: Omit<Plan, 'days'> & {
    days: { date: string; meals: (PlanMeal & { recipe: Recipe })[] }[];
  };
  /** The weekly nutrition report (GET /api/plans/{id}/nutrition), when given. */
  nutrition?: NutritionReport;
};

/** The plan with each meal's recipe embedded, so the file stands on its own. */
export function buildPlanExport(
  plan: Plan,
  recipes: ReadonlyMap<string, Recipe>,
  nutrition?: NutritionReport,
): PlanExport {
  return {
    format: 'villi-plan',
    version: 1,
    plan: {
      ...plan,
      days: plan.days.map((day) => ({
        date: day.date,
        meals: day.meals.map((meal) => {
          const recipe = recipes.get(meal.recipeSlug);
          if (!recipe) throw new Error(`recipe "${meal.recipeSlug}" of meal ${meal.id} not loaded`);
          return { ...meal, recipe };
        }),
      })),
    },
    ...(nutrition ? { nutrition } : {}),
  };
}

/** Pretty-printed JSON of buildPlanExport. */
export function planToJson(
  plan: Plan,
  recipes: ReadonlyMap<string, Recipe>,
  nutrition?: NutritionReport,
): string {
  return `${JSON.stringify(buildPlanExport(plan, recipes, nutrition), null, 2)}\n`;
}
