import { expect, test } from '@playwright/test';

test('edit a profile with field errors, then delete it', async ({ page, request }) => {
  const created = await request.post('/api/profiles', {
    data: { name: 'To delete', protocol: 'whole30' },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };

  await page.goto(`/profile?id=${id}`);
  await expect(page.getByRole('heading', { name: 'To delete', level: 1 })).toBeVisible();

  // A bad value is named next to its field in words, focus goes there, and nothing is saved.
  const household = page.getByLabel('People you cook for');
  await household.fill('40');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('alert').first()).toContainText('People you cook for');
  await expect(page.locator('#householdSize-error')).toHaveText(
    'People you cook for must be between 1 and 12 people',
  );
  await expect(household).toHaveAttribute('aria-invalid', 'true');
  await expect(household).toHaveAttribute('aria-describedby', /householdSize-error/);
  await expect(household).toBeFocused();

  // Two bad values: focus goes to the first one in the form.
  const name = page.getByLabel('Profile name');
  await name.fill('');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.locator('#name-error')).toHaveText('Profile name is required');
  await expect(page.getByRole('alert').first()).toContainText('Check these 2 fields');
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  expect(
    ((await (await request.get(`/api/profiles/${id}`)).json()) as { householdSize: number })
      .householdSize,
  ).toBe(1);

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete profile' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  expect((await request.get(`/api/profiles/${id}`)).status()).toBe(404);
});

test('a profile id that names no profile is a 404', async ({ page }) => {
  for (const id of ['999999', 'abc', '0', '-1']) {
    const res = await page.goto(`/profile?id=${id}`);
    expect(res?.status(), id).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Save/ })).toHaveCount(0);
  }
});
