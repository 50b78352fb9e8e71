import { expect, test } from '@playwright/test';
import { screenshotBoth } from './helpers';

test('filter the catalog to AIP elimination without fish, open a recipe and read its compliance', async ({
  page,
}) => {
  await page.goto('/recipes');
  await page.getByLabel('Fits protocol or diet').selectOption('aip');
  await expect(page).toHaveURL(/protocol=aip/);
  await page.getByLabel('Without allergen').selectOption('fish');
  await expect(page).toHaveURL(/exclude=fish/);
  const results = page.getByTestId('recipe-results');
  await expect(results.getByRole('listitem').first()).toBeVisible();
  await expect(results).not.toContainText(/\bfish\b \(may contain\)|\bfish$/);
  await screenshotBoth(page, 'recipes-aip-no-fish');

  await results.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Protocols and phases' })).toBeVisible();
  await expect(page.getByTestId('compliance-aip-elimination')).toContainText('Yes');
  // The same recipe does not fit some other protocol phase or diet, and says why.
  const notFitting = page.getByRole('row').filter({ hasText: 'Not in this phase' }).first();
  await expect(notFitting).toBeVisible();
  await expect(notFitting.getByRole('cell').last()).not.toBeEmpty();

  // Servings control rescales the ingredients.
  const firstIngredient = page
    .getByRole('region', { name: 'Ingredients' })
    .getByRole('listitem')
    .first();
  const before = (await firstIngredient.textContent()) ?? '';
  await page.getByRole('button', { name: 'More servings' }).click();
  await expect(firstIngredient).not.toHaveText(before);
  await screenshotBoth(page, 'recipe-detail');
});
