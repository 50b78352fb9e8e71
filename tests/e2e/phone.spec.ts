import { expect, type Page, test } from '@playwright/test';
import { PlanPage } from './pages/plan-page';

test.use({ viewport: { width: 390, height: 844 } });

/** The Monday of this week and the date of today, as the browser and the server count them. */
function thisWeek(): { monday: string; today: string } {
  const iso = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const now = new Date();
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return { monday: iso(monday), today: iso(now) };
}

function weekAfter(monday: string): string {
  const d = new Date(`${monday}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7);
  return d.toISOString().slice(0, 10);
}

let planId: number;
let nextPlanId: number;

test.beforeAll(async ({ request }) => {
  const profile = await request.post('/api/profiles', {
    data: {
      name: 'Phone cook',
      protocol: 'gut-reset',
      householdSize: 2,
      carbsPerMealG: { target: 45, tolerance: 15 },
    },
  });
  expect(profile.status()).toBe(201);
  const { id: profileId } = (await profile.json()) as { id: number };
  const { monday } = thisWeek();
  for (const [weekStart, seed] of [
    [monday, 3],
    [weekAfter(monday), 4],
  ] as const) {
    const plan = await request.post('/api/plans', { data: { profileId, weekStart, seed } });
    expect(plan.status()).toBe(201);
    const { id } = (await plan.json()) as { id: number };
    if (weekStart === monday) planId = id;
    else nextPlanId = id;
  }
});

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('list');

test('the navigation is one bar of tabs that marks the section, and hides no content', async ({
  page,
}) => {
  await page.goto(`/plans/${planId}`);
  const nav = mainNav(page);
  const box = await nav.boundingBox();
  expect(box?.height).toBeLessThanOrEqual(80);
  const links = nav.getByRole('link');
  await expect(links).toHaveCount(7);
  const boxes = await links.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { top: Math.round(r.top), width: r.width, height: r.height };
    }),
  );
  expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
  for (const b of boxes) {
    expect(b.width).toBeGreaterThanOrEqual(44);
    expect(b.height).toBeGreaterThanOrEqual(44);
  }
  await expect(nav.getByRole('link', { name: 'Plan' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);

  // The footer's last line scrolls clear of the bar.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const footer = await page.getByRole('link', { name: 'Read the health note' }).boundingBox();
  const bar = await nav.boundingBox();
  expect((footer?.y ?? 0) + (footer?.height ?? 0)).toBeLessThanOrEqual(bar?.y ?? 0);

  for (const path of ['/shopping', `/plans/${planId}/shopping`]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/shopping$/);
    await expect(nav.getByRole('link', { name: 'Shopping' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  }

  // Keyboard: tab onto the bar's links.
  await page.goto('/recipes');
  await expect(nav.getByRole('link', { name: 'Recipes' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Foods' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/foods$/);
  await expect(nav.getByRole('link', { name: 'Foods' })).toHaveAttribute('aria-current', 'page');
});

test("the plan shows today's day, one day at a time, with arrow keys between days", async ({
  page,
}) => {
  const plan = new PlanPage(page);
  await plan.goto(planId);
  const { today } = thisWeek();
  await expect(plan.tabs).toHaveCount(7);
  await expect(plan.selectedTab).toHaveCount(1);
  expect(await plan.selectedDate()).toBe(today);
  await expect(plan.selectedTab).toContainText('today');

  const dates = await plan.tabs.evaluateAll((els) =>
    els.map((e) => (e.getAttribute('aria-controls') ?? '').slice(4, 14)),
  );
  const expectOnly = async (date: string) => {
    expect(await plan.selectedDate()).toBe(date);
    const visible = await plan.visibleMealIds();
    expect(visible.length).toBeGreaterThanOrEqual(3);
    expect(visible.every((id) => id.startsWith(`meal-${date}-`))).toBe(true);
    await expect(page.getByRole('tabpanel')).toHaveCount(1);
  };
  await expectOnly(today);

  const at = dates.indexOf(today);
  await plan.selectedTab.focus();
  await page.keyboard.press('ArrowRight');
  const right = dates[(at + 1) % 7] as string;
  await expectOnly(right);
  await expect(page.locator(`#day-tab-${right}`)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expectOnly(today);
  await page.keyboard.press('Home');
  await expectOnly(dates[0] as string);
  await page.keyboard.press('End');
  await expectOnly(dates[6] as string);

  // Carbohydrate per meal and per day: the profile has a per-meal target.
  const day = page.locator('.day-card:visible');
  await expect(day.getByText(/\d g carbs( ✓| \(target)/)).toHaveCount(
    (await plan.visibleMealIds()).length,
  );
  await expect(day.getByText('Carbohydrate', { exact: true })).toBeVisible();
  await expect(day.getByText('Target per meal 45 ± 15 g, per snack 22.5 ± 15 g')).toBeVisible();

  // Secondary actions wait behind "More".
  await expect(plan.link('Calendar (.ics)')).toBeHidden();
  await expect(plan.moreButton).toHaveAttribute('aria-expanded', 'false');
  await plan.moreButton.click();
  await expect(plan.link('Calendar (.ics)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Regenerate week' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(plan.link('Calendar (.ics)')).toBeHidden();
  await expect(plan.moreButton).toBeFocused();

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('a week without today opens on its first day; the week switcher links both weeks', async ({
  page,
}) => {
  const plan = new PlanPage(page);
  await plan.goto(planId);
  const weeks = page.getByRole('navigation', { name: 'Weeks' });
  await expect(weeks.getByText('This week')).toHaveAttribute('aria-current', 'date');
  await weeks.getByRole('link', { name: /Week of/ }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${nextPlanId}$`));

  const { monday } = thisWeek();
  expect(await plan.selectedDate()).toBe(weekAfter(monday));
  await expect(plan.selectedTab).not.toContainText('today');
  // the week before is this week: one link says so
  await expect(weeks.getByRole('link')).toHaveCount(1);
  await weeks.getByRole('link', { name: 'This week' }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}$`));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
