import { expect, test } from '@playwright/test';

test('dislikes: "salmon (all kinds)" comes before single foods and is saved as a concept', async ({
  page,
  request,
}) => {
  const created = await request.post('/api/profiles', {
    data: { name: 'Picky', protocol: 'whole30', diet: 'pescatarian' },
  });
  const { id } = (await created.json()) as { id: number };
  await page.goto(`/profile?id=${id}`);

  await page.getByLabel('Foods you do not want in your plan').fill('salmon');
  const results = page.getByRole('list', { name: 'Matching foods' }).getByRole('button');
  await expect(results.first()).toHaveText('+ salmon (all kinds)');
  await expect(results.nth(1)).toContainText(/salmon/i);
  await results.first().click();
  const chips = page.getByRole('list', { name: 'Disliked foods' });
  await expect(chips.getByRole('listitem')).toHaveText(['salmon (all kinds) ×']);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status')).toContainText('Profile saved');

  const saved = (await (await request.get(`/api/profiles/${id}`)).json()) as {
    dislikes: string[];
    dislikedConcepts: string[];
  };
  expect(saved).toMatchObject({ dislikes: [], dislikedConcepts: ['salmon'] });
  await page.reload();
  await expect(page.getByTestId('left-out')).toContainText(/salmon \(all kinds, \d+ foods\)/);
  await expect(chips.getByRole('listitem')).toHaveText(['salmon (all kinds) ×']);
});

test('new plan for next week; the same week again asks to replace, open or keep', async ({
  page,
  request,
}) => {
  const created = await request.post('/api/profiles', {
    data: { name: 'Weeks ahead', protocol: 'whole30' },
  });
  const { id } = (await created.json()) as { id: number };
  await page.goto(`/profile?id=${id}`);
  const week = page.getByLabel('Week', { exact: true });
  await week.selectOption('next');
  await page.getByRole('button', { name: 'New plan', exact: true }).click();
  await expect(page).toHaveURL(/\/plans\/\d+$/);
  const firstId = Number(page.url().split('/').pop());

  await page.goto(`/profile?id=${id}`);
  await week.selectOption('next');
  const trigger = page.getByRole('button', { name: 'New plan', exact: true });
  await trigger.click();
  const dialog = page.getByRole('dialog', { name: "Replace this week's plan?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    /You already have a plan for the week of \w{3} \d+\. Replace it\?/,
  );
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await expect(dialog.getByRole('link', { name: 'Open it' })).toHaveAttribute(
    'href',
    `/plans/${firstId}`,
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();

  // Any Monday: a date that is not one is refused before anything is sent.
  await week.selectOption('other');
  await page.getByLabel('Monday').fill('2027-03-03');
  await trigger.click();
  await expect(page.getByText('Choose a Monday: a plan runs Monday to Sunday.')).toBeVisible();
  await expect(page.getByLabel('Monday')).toHaveAttribute('aria-invalid', 'true');

  await week.selectOption('next');
  await trigger.click();
  await dialog.getByRole('button', { name: 'Replace it' }).click();
  await expect(page).toHaveURL(/\/plans\/\d+$/);
  expect(Number(page.url().split('/').pop())).not.toBe(firstId);
  expect((await request.get(`/api/plans/${firstId}`)).status()).toBe(404);
  const list = (await (await request.get(`/api/plans?profileId=${id}`)).json()) as {
    items: unknown[];
  };
  expect(list.items).toHaveLength(1);
});
