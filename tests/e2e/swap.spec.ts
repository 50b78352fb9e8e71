import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { PlanPage } from './pages/plan-page';
import { SwapDialog } from './pages/swap-dialog';

test.use({ viewport: { width: 390, height: 844 } });
test.describe.configure({ mode: 'serial' });

const SHOTS = join(process.cwd(), 'tests', 'e2e', '.artifacts');
const MINUTES = [15, 20, 30, 45, 60, 90];
const KCALS = [300, 400, 500, 600, 700, 800, 1000];

type Meal = {
  id: string;
  date: string;
  slot: string;
  recipeSlug: string;
  recipeName: string;
  servings: number;
  leftoverOf: string | null;
  cook: { servings: number } | null;
};
type Item = { recipeSlug: string; recipeName: string; totalMinutes: number };

/** The Monday of this week as the browser counts it: the phone then opens on today. */
function thisMonday(): string {
  const now = new Date();
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return `${monday.getFullYear()}-${String(monday.getMonth() + 1).padStart(2, '0')}-${String(monday.getDate()).padStart(2, '0')}`;
}

let planId: number;
let meals: Meal[];

test.beforeAll(async ({ request }) => {
  const profile = await request.post('/api/profiles', {
    data: { name: 'Swap by keyboard', protocol: 'gut-reset', householdSize: 2 },
  });
  expect(profile.status()).toBe(201);
  const { id: profileId } = (await profile.json()) as { id: number };
  const plan = await request.post('/api/plans', {
    data: { profileId, weekStart: thisMonday(), seed: 5 },
  });
  expect(plan.status()).toBe(201);
  const body = (await plan.json()) as { id: number; days: { meals: Meal[] }[] };
  planId = body.id;
  meals = body.days.flatMap((d) => d.meals);
});

/** The meal id of the focused element's meal card, or null. */
const focusedMealId = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el?.getAttribute('aria-label')?.startsWith('Swap ')) return null;
    return el.closest('[data-testid^="meal-"]')?.getAttribute('data-testid')?.slice(5) ?? null;
  });

/** Tabs forward until the focused element's accessible label starts with `prefix`. */
async function tabTo(page: Page, prefix: string, most = 120): Promise<string> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    if (label?.startsWith(prefix)) return label;
  }
  throw new Error(`no element labelled "${prefix}…" within ${most} tabs`);
}

test('swap by keyboard: open, search, filter, choose with Enter; focus is back on the meal', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const plan = new PlanPage(page);
  const dialog = new SwapDialog(page);
  await plan.goto(planId);

  // Tab to a Swap button of the day on screen whose meal has a few alternatives.
  let mealId: string | null = null;
  let items: Item[] = [];
  for (let tries = 0; tries < 8 && mealId === null; tries++) {
    await tabTo(page, 'Swap ');
    const id = await focusedMealId(page);
    if (!id) continue;
    const res = await request.get(`/api/plans/${planId}/meals/${id}/alternatives?limit=50`);
    items = ((await res.json()) as { items: Item[] }).items;
    if (items.length >= 3) mealId = id;
  }
  expect(mealId, 'a meal of the day with alternatives').not.toBeNull();
  const id = mealId!;
  await expect(plan.swapButton(id)).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog.root).toBeVisible();
  await expect(dialog.search).toBeFocused();
  await dialog.loaded();

  // Search for a word of one candidate's name; the smallest time filter that keeps it.
  // Letters only: a word typed with its comma or hyphen would reach the URL encoded.
  const wordsOf = (name: string) => name.toLowerCase().split(/[^a-z]+/);
  const target = items.find((a) => wordsOf(a.recipeName).some((w) => w.length >= 5))!;
  const word = wordsOf(target.recipeName).find((w) => w.length >= 5)!;
  const matching = items.filter((a) => a.recipeName.toLowerCase().includes(word));
  const fastest = Math.min(...matching.map((a) => a.totalMinutes));
  const minutes = MINUTES.find((m) => m >= fastest)!;
  const searched = page.waitForResponse((r) => r.url().includes(`q=${word}`));
  await page.keyboard.type(word);
  await searched;
  await dialog.loaded();
  const afterSearch = await dialog.shown();
  for (const a of matching.slice(0, 10)) {
    expect(afterSearch.map((s) => s.name)).toContain(a.recipeName);
  }

  // Tab to Max time, pick the option with the arrow keys.
  await page.keyboard.press('Tab');
  await expect(dialog.maxTime).toBeFocused();
  const filtered = page.waitForResponse((r) => r.url().includes(`maxMinutes=${minutes}`));
  for (let i = 0; i <= MINUTES.indexOf(minutes); i++) await page.keyboard.press('ArrowDown');
  await filtered;
  await expect(dialog.maxTime).toHaveValue(String(minutes));
  await dialog.loaded();
  const afterFilter = await dialog.shown();
  expect(afterFilter.length).toBeGreaterThan(0);
  for (const a of afterFilter) expect(a.minutes).toBeLessThanOrEqual(minutes);
  expect(afterFilter.map((a) => a.name)).toContain(
    matching.find((a) => a.totalMinutes <= minutes)!.recipeName,
  );

  // Tab to Max kcal and pick the smallest limit that keeps an option.
  await page.keyboard.press('Tab');
  await expect(dialog.maxKcal).toBeFocused();
  const lightest = Math.min(...afterFilter.map((a) => a.kcal));
  const kcal = KCALS.find((k) => k >= lightest + 1)!;
  const narrowed = page.waitForResponse((r) => r.url().includes(`maxKcal=${kcal}`));
  for (let i = 0; i <= KCALS.indexOf(kcal); i++) await page.keyboard.press('ArrowDown');
  await narrowed;
  await dialog.loaded();
  const afterKcal = await dialog.shown();
  expect(afterKcal.length).toBeGreaterThan(0);
  for (const a of afterKcal) {
    expect(a.kcal).toBeLessThanOrEqual(kcal);
    expect(a.minutes).toBeLessThanOrEqual(minutes);
  }

  // Screenshots of the filtered dialog, phone and desktop.
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'swap-390.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(SHOTS, 'swap-1280.png') });
  await page.setViewportSize({ width: 390, height: 844 });

  // Tab on to the first Choose button and press Enter.
  const label = await tabTo(page, 'Choose ', 10);
  const chosen = label.replace(/^Choose /, '');
  await page.keyboard.press('Enter');
  await expect(plan.status).toHaveText('Meal swapped.');
  await expect(dialog.root).toBeHidden();
  await expect(
    plan
      .meals()
      .and(page.locator(`[data-testid="meal-${id}"]`))
      .locator('.meal-name'),
  ).toHaveText(chosen);
  await expect(plan.swapButton(id)).toBeFocused();

  // Escape closes the dialog and returns to the Swap button that opened it.
  await page.keyboard.press('Enter');
  await expect(dialog.root).toBeVisible();
  await dialog.loaded();
  await page.keyboard.press('Escape');
  await expect(dialog.root).toBeHidden();
  await expect(plan.swapButton(id)).toBeFocused();

  // Lock and unlock by keyboard: focus stays on the meal's lock button.
  await page.keyboard.press('Tab');
  await expect(plan.lockButton(id)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(plan.status).toHaveText('Meal locked.');
  await expect(plan.lockButton(id)).toHaveAttribute('aria-pressed', 'true');
  await expect(plan.lockButton(id)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(plan.status).toHaveText('Meal unlocked.');
  await expect(plan.lockButton(id)).toHaveAttribute('aria-pressed', 'false');
  await expect(plan.lockButton(id)).toBeFocused();
});

test('when nothing matches, the dialog names what blocks', async ({ page }) => {
  const plan = new PlanPage(page);
  const dialog = new SwapDialog(page);
  await plan.goto(planId);
  await page
    .locator('[data-testid^="meal-"]:visible')
    .first()
    .getByRole('button', { name: /^Swap / })
    .click();
  await dialog.loaded();
  await dialog.search.fill('zzqxw');
  await expect(dialog.empty).toContainText('No recipe matches your search and filters.');
  await expect(dialog.empty).toContainText('“zzqxw”');
  expect(await dialog.blockingLimits()).toEqual(['filters']);
  await dialog.close.click();
  await expect(dialog.root).toBeHidden();
});

test('a recipe opened from the plan shows the servings cooked and links back to its day', async ({
  page,
}) => {
  const plan = new PlanPage(page);
  await plan.goto(planId);
  // A cooked dinner on a day other than the one the phone opens on.
  const opened = await plan.selectedDate();
  const meal = meals.find((m) => m.slot === 'dinner' && !m.leftoverOf && m.date !== opened)!;
  await page
    .getByRole('tab', { selected: false })
    .and(page.locator(`[aria-controls="day-${meal.date}-panel"]`))
    .click();
  await page.locator(`[data-testid="meal-${meal.id}"] .meal-name`).click();
  await expect(page).toHaveURL(
    new RegExp(`/recipes/${meal.recipeSlug}\\?plan=${planId}&meal=${meal.id}$`),
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(meal.recipeName);
  const weekday = new Date(`${meal.date}T12:00:00Z`).toLocaleDateString('en-US', {
    weekday: 'long',
    timeZone: 'UTC',
  });
  await expect(page.getByTestId('planned-meal')).toContainText(`dinner on ${weekday}`);
  // the ingredients are for the batch cooked: whole or half recipes
  await expect(page.getByLabel('Servings', { exact: true })).toHaveValue(
    String(meal.cook?.servings ?? meal.servings),
  );
  const back = page.getByRole('link', { name: `← Back to ${weekday} in your plan` });
  await back.click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}#day-${meal.date}$`));
  await expect(plan.heading).toBeVisible();
  expect(await plan.selectedDate()).toBe(meal.date);
  await expect(page.locator(`[data-testid="meal-${meal.id}"]`)).toBeVisible();

  // An unknown plan or meal, or a meal of another recipe: the plain recipe page.
  for (const query of [
    `?plan=999999&meal=${meal.id}`,
    `?plan=abc&meal=${meal.id}`,
    `?plan=${planId}&meal=2020-01-01-dinner`,
  ]) {
    await page.goto(`/recipes/${meal.recipeSlug}${query}`);
    await expect(page.getByRole('link', { name: '← All recipes' })).toBeVisible();
    await expect(page.getByTestId('planned-meal')).toHaveCount(0);
  }
});
