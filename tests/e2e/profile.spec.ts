import { expect, test } from '@playwright/test';

test('edit a profile with field errors, then delete it', async ({ page, request }) => {
  const created = await request.post('/api/profiles', {
    data: { name: 'To delete', protocol: 'whole30' },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };

  await page.goto(`/profile?id=${id}`);
  await expect(page.getByRole('heading', { name: 'To delete', level: 1 })).toBeVisible();

  // A bad value is named next to its field, and nothing is saved.
  await page.getByLabel('People you cook for').fill('40');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('alert').first()).toContainText('householdSize');
  await expect(page.locator('#householdSize-error')).toBeVisible();
  expect(
    ((await (await request.get(`/api/profiles/${id}`)).json()) as { householdSize: number })
      .householdSize,
  ).toBe(1);

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete profile' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  expect((await request.get(`/api/profiles/${id}`)).status()).toBe(404);
});
