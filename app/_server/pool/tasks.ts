import { generatePlan, regeneratePlan } from '../../../lib/planner/generate-plan';
import { createRng } from '../../../lib/planner/rng';
import { type AlternativeFilter, alternativesReport } from '../../../lib/planner/swap';
import type {
  GenerateOptions,
  PlannerInput,
  RegenerateScope,
  WeekPlan,
} from '../../../lib/planner/types';
import { buildShoppingList } from '../../../lib/shopping/build-list';
import type { ShoppingListInput } from '../../../lib/shopping/types';

/**
 * The CPU-heavy library calls the pool runs, with cloneable arguments: a seeded random source
 * is a closure, so a task takes the seed and makes the source where it runs (same sequence).
 * Pure lib code only: this module is bundled into the worker.
 */
export const PLAN_TASKS = {
  generatePlan: (input: PlannerInput, seed: number, options?: GenerateOptions) =>
    generatePlan(input, createRng(seed), options),
  regeneratePlan: (
    input: PlannerInput,
    plan: WeekPlan,
    scope: RegenerateScope,
    seed: number,
    options?: Pick<GenerateOptions, 'effort'>,
  ) => regeneratePlan(input, plan, scope, createRng(seed), options),
  alternativesReport: (
    input: PlannerInput,
    plan: WeekPlan,
    mealId: string,
    filter?: AlternativeFilter,
  ) => alternativesReport(input, plan, mealId, filter),
  buildShoppingList: (input: ShoppingListInput) => buildShoppingList(input),
};

export type PlanTasks = typeof PLAN_TASKS;

/** Tasks whose first argument is planner input: its recipe list travels as a cached catalog. */
export const CATALOG_TASKS: ReadonlySet<keyof PlanTasks> = new Set([
  'generatePlan',
  'regeneratePlan',
  'alternativesReport',
]);
