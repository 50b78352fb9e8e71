import { expect, type Page, test } from '@playwright/test';

// The whole reintroduction on a phone: a week of symptoms, one challenge planned into the week,
// its outcome confirmed, the next plan following the schedule, and the report printed.
test.use({ viewport: { width: 390, height: 844 } });

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysFrom = (date: string, n: number) => {
  const d = new Date(`${date}T12:00:00`);
  d.setDate(d.getDate() + n);
  return iso(d);
};
const today = iso(new Date());
/** The Monday of the week holding `date` (plans run Monday to Sunday). */
const mondayOf = (date: string) => {
  const d = new Date(`${date}T12:00:00`);
  return daysFrom(date, -((d.getDay() + 6) % 7));
};

type ScheduleView = {
  current: { id: string; label: string; days: string[] } | null;
  results: { id: string; outcome: string | null }[];
};

let profileId: number;

test.beforeAll(async ({ request }) => {
  const made = await request.post('/api/profiles', {
    data: {
      name: 'Reintroduction phone',
      protocol: 'low-fodmap',
      phase: 'elimination',
      phaseStartedOn: daysFrom(today, -28),
      slots: ['breakfast', 'lunch', 'dinner'],
      maxMinutes: { weekday: 120, weekend: 180 },
      cooking: {
        weekday: { sessions: 3, activeMinutes: 240 },
        weekend: { sessions: 3, activeMinutes: 240 },
      },
    },
  });
  expect(made.status()).toBe(201);
  profileId = ((await made.json()) as { id: number }).id;
  // the first weeks of elimination, logged earlier: bloating 6 most days
  for (let n = 20; n >= 14; n--) {
    const saved = await request.post(`/api/profiles/${profileId}/journal`, {
      data: {
        date: daysFrom(today, -n),
        symptoms: {
          bloating: 6,
          pain: 2,
          stool: 5,
          fatigue: 3,
          joints: 0,
          skin: 0,
          brainFog: 2,
          headache: 0,
          sleep: 2,
        },
      },
    });
    expect(saved.status()).toBe(201);
  }
});

/** Logs the day on screen: a few taps, the rest stays at 0. */
async function logDay(page: Page, bloating: number) {
  await page.getByLabel(`Bloating / gas: ${bloating} of 10`).check();
  await page.getByLabel('Bristol type 4 · Smooth sausage').check();
  await page.getByRole('button', { name: 'Save day' }).click();
  await expect(page.getByText(/^Saved /)).toBeVisible();
}

async function planFor(page: Page, weekStart: string): Promise<number> {
  const made = await page.request.post('/api/plans', {
    data: { profileId, weekStart, seed: 7, replace: true },
  });
  expect(made.status(), await made.text()).toBe(201);
  return ((await made.json()) as { id: number }).id;
}

test('a week of symptoms, one challenge, its outcome, the next plan and the report', async ({
  page,
}) => {
  // a week of symptoms, oldest first: six days back with the Previous day button, then forward
  await page.goto(`/journal?profile=${profileId}`);
  await expect(page.getByRole('heading', { level: 2, name: /Today/ })).toBeVisible();
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Previous day' }).click();
  for (let n = 6; n >= 0; n--) {
    await logDay(page, n >= 3 ? 3 : 2);
    if (n > 0) await page.getByRole('button', { name: 'Next day' }).click();
  }
  await expect(page.getByRole('heading', { level: 2, name: /Today/ })).toBeVisible();

  // the reintroduction page reads the elimination weeks and the journal, then starts today
  await page
    .getByRole('link', { name: /reintroduction/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/reintroduction/);
  await expect(
    page.getByText(/4 weeks done \(usually 2–6\); symptoms down from 6 to 2/),
  ).toBeVisible();
  await page.getByLabel('First challenge day').fill(today);
  await page.getByRole('button', { name: 'Start reintroduction' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Now: / })).toBeVisible();
  const started = (await (
    await page.request.get(`/api/profiles/${profileId}/reintroduction`)
  ).json()) as ScheduleView;
  const first = started.current;
  expect(first?.days[0]).toBe(today);

  // the week's plan carries the challenge as an add-on to one meal of today
  const planId = await planFor(page, mondayOf(today));
  await page.goto(`/plans/${planId}`);
  const todays = page.locator(`[data-testid^="challenge-${today}-"]`);
  await expect(todays).toHaveCount(1);
  await expect(todays).toContainText(`Challenge · ${first?.id}`);
  await expect(todays).toContainText('day 1 of 3: add');

  // the outcome, confirmed on the reintroduction page; the next challenge takes over
  await page.goto(`/reintroduction?profile=${profileId}`);
  await page
    .getByRole('group', { name: 'Confirm the outcome' })
    .getByRole('button', { name: 'Tolerated' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: `Now: ${first?.label}` })).toHaveCount(
    0,
  );
  const after = (await (
    await page.request.get(`/api/profiles/${profileId}/reintroduction`)
  ).json()) as ScheduleView;
  expect(after.results).toEqual([expect.objectContaining({ id: first?.id, outcome: 'tolerated' })]);
  const next = after.current;
  const nextDay = next?.days[0];
  expect(nextDay && next.id !== first?.id).toBeTruthy();

  // the tolerated subgroup is on the profile's personal list, with where it came from
  await page.goto(`/profile?id=${profileId}`);
  await expect(page.getByText(`from the ${first?.id} challenge`, { exact: false })).toBeVisible();

  // the plan of the next challenge's week follows the new schedule
  const nextPlan = await planFor(page, mondayOf(nextDay ?? today));
  await page.goto(`/plans/${nextPlan}`);
  const nextMeal = page.locator(`[data-testid^="challenge-${nextDay}-"]`);
  await expect(nextMeal).toHaveCount(1);
  await expect(nextMeal).toContainText(`Challenge · ${next?.id}, day 1 of 3`);
  await expect(
    page.locator(`[data-testid^="challenge-"]`).filter({ hasText: `${first?.id},` }),
  ).toHaveCount(0);

  // the report: the challenge and its outcome, printed without the navigation
  await page.goto(`/profiles/${profileId}/report`);
  await expect(page.getByText(first?.label ?? '').first()).toBeVisible();
  await expect(page.getByText(/tolerated/i).first()).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { printed: boolean }).printed = false;
    window.print = () => {
      (window as unknown as { printed: boolean }).printed = true;
    };
  });
  await page.getByRole('button', { name: 'Print' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation').first()).toBeHidden();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
