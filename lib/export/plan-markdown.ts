import type { NutritionReport } from '../nutrition/report';
import { cookText, portionText, servingsWords, spareText } from '../planner/batch-words';
import { cookBatch, mealPortions } from '../planner/batches';
import { addOnText, challengeDayText, WASHOUT_TEXT } from '../planner/challenge-words';
import { PLANT_VARIETY_NOTE, plantsText } from '../planner/plant-words';
import type { PrepLine } from '../planner/prep-lines';
import { formatAmount } from '../recipes/resolve-quantity';
import { shortFoodName } from '../shopping/food-name';
import type { Food, Plan, PlanMeal, Recipe, RecipeIngredient } from '../shopping/types';
import { formatDecimal } from '../units/format';
import { formatLongDate, SLOT_LABELS, weekdayName } from './dates';
import { escapeMarkdown } from './markdown';
import { nutritionMarkdownLines } from './nutrition-markdown';
import { recipeUrl } from './plan-ics';
import { prepLineText } from './prep-text';
import type { SharedPortions } from './shared-portions';

export type PlanMarkdownInput = {
  plan: Plan;
  recipes: ReadonlyMap<string, Recipe>;
  /** `display` is the cook's name (seeds/food-names.json); without it a name from `name`. */
  foods: ReadonlyMap<string, Pick<Food, 'ndb' | 'name' | 'measures' | 'display'>>;
  /** When given, each meal links to its recipe page. */
  baseUrl?: string;
  /** The household the servings feed: each meal says its portion per person. */
  householdSize: number;
  /** Different plant foods of the week (the plan's score); absent on an old plan: no line. */
  plants?: number;
  /** When given, a "Nutrition this week" section follows the days. */
  nutrition?: NutritionReport;
  /** Make-ahead prep by the date it starts (the plan view's `prep`); absent = none listed. */
  prep?: ReadonlyMap<string, readonly PrepLine[]>;
  /** A shared plan: each meal says who eats how much instead of a portion "each". */
  shared?: SharedPortions;
};

function parseAmount(text: string): number | null {
  const mixed = /^(\d+) (\d+)\/(\d+)$/.exec(text);
  if (mixed) return Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3]);
  const frac = /^(\d+)\/(\d+)$/.exec(text);
  if (frac) return Number(frac[1]) / Number(frac[2]);
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/**
 * An ingredient's household wording scaled by `factor`: '1 cup, chopped' × 1.5 →
 * '1 1/2 cup, chopped (100 g)'. Wording that names no known measure falls back to grams.
 */
export function scaleIngredientText(
  ingredient: RecipeIngredient,
  factor: number,
  food: Pick<Food, 'measures'> | undefined,
): string {
  const grams = ingredient.grams * factor;
  const gramsText = `${grams < 10 ? formatDecimal(grams, 1) : Math.round(grams)} g`;
  const m = /^(\d+ \d+\/\d+|\d+\/\d+|\d*\.?\d+)\s+(.+)$/.exec(ingredient.text.trim());
  const amount = m ? parseAmount(m[1] ?? '') : null;
  const label = m?.[2]?.trim() ?? '';
  const known = food?.measures.some((x) => x.label.toLowerCase() === label.toLowerCase());
  if (amount === null || !known) return gramsText;
  return `${formatAmount(amount * factor)} ${label} (${gramsText})`;
}

/** The challenge add-on of a meal as a paragraph, or nothing. */
function challengeLines(meal: PlanMeal): string[] {
  const c = meal.challenge;
  if (!c) return [];
  return [
    '',
    `**Challenge** (${escapeMarkdown(challengeDayText(c))}): ${escapeMarkdown(addOnText(c, meal.slot))}.`,
  ];
}

function mealSection(
  input: PlanMarkdownInput,
  meal: PlanMeal,
  cookedOn: Map<string, string>,
  portion: number,
) {
  const recipe = input.recipes.get(meal.recipeSlug);
  if (!recipe) throw new Error(`recipe "${meal.recipeSlug}" of meal ${meal.id} not loaded`);
  const name = escapeMarkdown(recipe.name);
  const each = escapeMarkdown(input.shared?.byMeal.get(meal.id) ?? portionText(portion));
  const link = input.baseUrl ? [`[Recipe page](${recipeUrl(input.baseUrl, recipe.slug)})`] : [];
  if (meal.leftoverOf !== null) {
    const from = cookedOn.get(meal.leftoverOf);
    return [
      `### ${SLOT_LABELS[meal.slot]}: ${name} (leftovers)`,
      '',
      `${servingsWords(meal.servings)} of leftovers${from ? ` from ${from}` : ''} (${each}); nothing to cook.`,
      ...challengeLines(meal),
      ...(link.length > 0 ? ['', ...link] : []),
    ];
  }
  const batch = cookBatch(meal.servings, recipe.servings);
  const spare = spareText(batch);
  const cook = `${cookText(batch)}${spare ? `, ${spare}` : ''}`;
  const ingredients = recipe.ingredients.map((ing) => {
    const food = input.foods.get(ing.ndb);
    const foodName = escapeMarkdown(
      food ? (food.display ?? shortFoodName(food.name)) : `food ${ing.ndb}`,
    );
    return `- ${foodName}: ${escapeMarkdown(scaleIngredientText(ing, batch.recipeMultiple, food))}`;
  });
  const steps = recipe.steps.map((s, i) => `${i + 1}. ${escapeMarkdown(s)}`);
  return [
    `### ${SLOT_LABELS[meal.slot]}: ${name}`,
    '',
    `${cook} · ${each} · prep ${recipe.prepMinutes} min · cook ${recipe.cookMinutes} min`,
    ...challengeLines(meal),
    ...(link.length > 0 ? ['', ...link] : []),
    '',
    '**Ingredients**',
    '',
    ...ingredients,
    '',
    '**Steps**',
    '',
    ...steps,
  ];
}

/**
 * The week as Markdown: the week's plant count, then per day the make-ahead prep that starts
 * that day and each meal with recipe name, what to cook (whole or half recipes) and each
 * person's portion, the ingredients scaled to the batch (household wording plus grams, as the
 * shopping list buys them) and the steps. Leftover meals point back to the meal that cooked them
 * instead of repeating the recipe. A challenge meal has its add-on line, a washout day its note.
 */
export function planToMarkdown(input: PlanMarkdownInput): string {
  const { plan } = input;
  const cookedOn = new Map<string, string>();
  for (const day of plan.days) {
    for (const meal of day.meals) cookedOn.set(meal.id, `${weekdayName(day.date)} ${meal.slot}`);
  }
  const portions = mealPortions(
    plan.days.flatMap((d) => d.meals),
    input.householdSize,
  );
  const out = [`# Meal plan, week of ${formatLongDate(plan.weekStart)}`];
  if (input.plants !== undefined) {
    out.push('', `${plantsText(input.plants)}. ${PLANT_VARIETY_NOTE}`);
  }
  for (const day of plan.days) {
    out.push('', `## ${formatLongDate(day.date)}`);
    if (day.washout) out.push('', `_${WASHOUT_TEXT}._`);
    const prep = input.prep?.get(day.date) ?? [];
    if (prep.length > 0) {
      out.push('', '**Prep today**', '');
      for (const line of prep) out.push(`- ${escapeMarkdown(prepLineText(line, day.date))}`);
    }
    if (day.meals.length === 0) out.push('', 'Nothing planned.');
    for (const meal of day.meals) {
      out.push('', ...mealSection(input, meal, cookedOn, portions.get(meal.id) ?? 0));
    }
  }
  if (input.nutrition) out.push('', ...nutritionMarkdownLines(input.nutrition));
  return `${out.join('\n')}\n`;
}
