import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { E2E_OWNER, screenshotBoth } from './helpers';
import { OnboardingPage } from './pages/onboarding-page';
import { PlanPage } from './pages/plan-page';

test.describe.configure({ mode: 'serial' });

test('fresh database → onboarding → plan → swap → lock → regenerate → shopping → exports', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // First run: no account yet, so the first visitor makes the owner account.
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Create the owner account' })).toBeVisible();
  await page.getByLabel('Your name').fill(E2E_OWNER.name);
  await page.getByLabel('Email').fill(E2E_OWNER.email);
  await page.getByLabel('Password').fill(E2E_OWNER.password);
  await page.getByRole('button', { name: 'Create the owner account' }).click();
  await expect(page.getByRole('heading', { name: /first week/i })).toBeVisible();
  await screenshotBoth(page, 'onboarding');

  // Onboarding in steps: AIP elimination, fish allergy, household of 2.
  const onboarding = new OnboardingPage(page);
  await onboarding.expectStep(1, 'Protocol and phase');
  await onboarding.protocol(/Autoimmune Protocol/).check();
  await expect(onboarding.phase).toHaveValue('elimination');
  await onboarding.nextTo(2, 'Allergies and diet');
  await onboarding.allergy('fish').check();
  await onboarding.nextTo(3, 'Foods you dislike');
  await onboarding.nextTo(4, 'Household and cooking time');
  await onboarding.profileName.fill('Sam');
  await onboarding.household.fill('2');
  await onboarding.nextTo(5, 'Daily targets');
  await onboarding.finish.click();

  await expect(page).toHaveURL(/\/plans\/\d+$/, { timeout: 30_000 });
  const plan = new PlanPage(page);
  await expect(plan.heading).toBeVisible();
  await expect(plan.meals('dinner')).toHaveCount(7);
  await screenshotBoth(page, 'plan-week');

  // Swap a dinner through the dialog.
  const dinners = await plan.mealNames('dinner');
  const { day, choose } = await plan.openDinnerSwapWithChoices();
  const chosenName = ((await choose.getAttribute('aria-label')) ?? '').replace(/^Choose /, '');
  await screenshotBoth(page, 'swap-dialog');
  await choose.click();
  await expect(page.getByRole('status')).toHaveText('Meal swapped.');
  await expect(plan.meals('dinner').locator('.meal-name').nth(day)).toHaveText(chosenName);
  expect(chosenName).not.toBe(dinners[day]);

  // Lock a lunch, regenerate the week, the lock is kept.
  const lunchCard = plan.meals('lunch').nth(1);
  const lunchName = (await lunchCard.locator('.meal-name').textContent()) ?? '';
  await lunchCard.getByRole('button', { name: /^Lock lunch/ }).click();
  await expect(lunchCard.getByRole('button', { name: /^Unlock lunch/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('button', { name: 'Regenerate week' }).click();
  await expect(page.getByRole('status')).toContainText('Week regenerated');
  await expect(plan.meals('lunch').nth(1).locator('.meal-name')).toHaveText(lunchName);
  await expect(plan.meals('lunch').nth(1)).toContainText('locked');

  // The calendar export: one event per meal, linking recipe pages.
  const icsDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Calendar (.ics)' }).click();
  const ics = await icsDownload;
  expect(ics.suggestedFilename()).toMatch(/^villi-plan-\d{4}-\d{2}-\d{2}\.ics$/);
  const cal = new ICAL.Component(ICAL.parse(readFileSync((await ics.path()) as string, 'utf8')));
  // One event per meal, plus a "Prep: …" event for each make-ahead recipe the week happens to hold.
  const events = cal.getAllSubcomponents('vevent');
  const isPrep = (e: ICAL.Component) =>
    e.getFirstProperty('categories')?.getValues().includes('Prep') ?? false;
  const meals = events.filter((e) => !isPrep(e));
  expect(meals).toHaveLength(28);
  for (const prep of events.filter(isPrep)) {
    expect(String(prep.getFirstPropertyValue('summary'))).toMatch(/^Prep: /);
  }
  expect(
    String(
      meals[0]?.getFirstPropertyValue('url') ?? meals[0]?.getFirstPropertyValue('description'),
    ),
  ).toContain('/recipes/');

  // Shopping list: check items off, reload, still checked.
  await page.getByRole('link', { name: 'Shopping list' }).first().click();
  await expect(page.getByRole('heading', { name: /Shopping list, week of/ })).toBeVisible();
  const boxes = page.getByRole('checkbox');
  const saved = (r: { url(): string; request(): { method(): string } }) =>
    r.url().includes('/shopping-list/items/') && r.request().method() === 'PATCH';
  await Promise.all([page.waitForResponse(saved), boxes.nth(0).check()]);
  await Promise.all([page.waitForResponse(saved), boxes.nth(1).check()]);
  await expect(boxes.nth(1)).toBeChecked();
  await page.reload();
  await expect(page.getByRole('checkbox').nth(0)).toBeChecked();
  await expect(page.getByRole('checkbox').nth(1)).toBeChecked();
  await screenshotBoth(page, 'shopping-list');

  // CSV export parses back to the same number of lines as the page shows.
  const lines = await page.locator('[data-testid^="item-"]').count();
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^villi-shopping-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(readFileSync((await csv.path()) as string, 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  expect(rows).toHaveLength(lines);

  // Swap a meal, come back: the lines that swap changed are marked.
  await page.getByRole('link', { name: '← Back to the plan' }).click();
  await (await plan.openDinnerSwapWithChoices(3)).choose.click();
  await expect(page.getByRole('status')).toHaveText('Meal swapped.');
  await page.getByRole('link', { name: 'Shopping list' }).first().click();
  await expect(page.locator('[data-changed="true"]').first()).toBeVisible();
  await expect(page.getByText('changed by your last plan change').first()).toBeVisible();
});
