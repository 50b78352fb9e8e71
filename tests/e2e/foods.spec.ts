import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { screenshotBoth } from './helpers';

/** SR21's 7,413 foods and the derived foods of seeds/derived-foods.json. */
const derived = (
  JSON.parse(readFileSync(new URL('../../seeds/derived-foods.json', import.meta.url), 'utf8')) as {
    foods: unknown[];
  }
).foods.length;
const FOOD_COUNT = (7413 + derived).toLocaleString('en-US');

test('search foods as you type, filter, open a food and see why each tag is there', async ({
  page,
}) => {
  await page.goto('/foods');
  await expect(page.getByRole('heading', { name: 'Foods', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: new RegExp(`^${FOOD_COUNT} foods`) }),
  ).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search' }).fill('apple');
  await expect(page).toHaveURL(/q=apple/);
  const results = page.getByTestId('food-results');
  await expect(results.getByRole('link').first()).toHaveText(/^Apples?,/);
  await expect(results.getByRole('link', { name: 'Apples, raw, with skin' })).toBeVisible();

  await page.getByLabel('Food group').selectOption('0900');
  await expect(page).toHaveURL(/group=0900/);
  await page.getByLabel('Inflammation class').selectOption('neutral');
  await expect(page).toHaveURL(/inflammation=neutral/);
  await screenshotBoth(page, 'foods-search');

  // The URL is shareable: loading it again gives the same filtered list.
  const url = page.url();
  await page.goto(url);
  await expect(page.getByLabel('Food group')).toHaveValue('0900');

  await page.goto('/foods?q=soy%20sauce%20shoyu');
  await page.getByTestId('food-results').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Soy sauce');
  const tagTable = page.getByRole('table').first();
  await expect(tagTable.getByRole('cell', { name: 'wheat', exact: true })).toBeVisible();
  await expect(tagTable.getByRole('cell', { name: 'soy', exact: true }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nutrients' })).toBeVisible();
  await screenshotBoth(page, 'food-detail');
});

test('an unknown food shows the not-found page', async ({ page }) => {
  const res = await page.goto('/foods/99999');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
