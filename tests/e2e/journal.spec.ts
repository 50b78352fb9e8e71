import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 390, height: 844 } });

let profileId: number;

test.beforeAll(async ({ request }) => {
  const made = await request.post('/api/profiles', { data: { name: 'Journal phone' } });
  expect(made.status()).toBe(201);
  profileId = ((await made.json()) as { id: number }).id;
});

test('logs today by touch and keyboard, edits it, and deletes it', async ({ page }) => {
  await page.goto(`/journal?profile=${profileId}`);
  await expect(page.getByRole('heading', { level: 2, name: /Today/ })).toBeVisible();

  // one tap per changed symptom; the rest stay at 0
  await page.getByLabel('Bloating / gas: 3 of 10').check();
  await page.getByLabel('Bristol type 4 · Smooth sausage').check();
  // radios move with the arrow keys
  await page.getByLabel('Headache: 0 of 10, none').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Headache: 1 of 10')).toBeChecked();
  await page.getByLabel('Note').fill('tired after work');
  await page.getByRole('button', { name: 'Save day' }).click();
  await expect(page.getByText(/^Saved /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete entry' })).toBeVisible();

  // the saved day reads back after a reload, and changes save as an edit
  await page.reload();
  await expect(page.getByLabel('Bloating / gas: 3 of 10')).toBeChecked();
  await page.getByLabel('Bloating / gas: 5 of 10').check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(/^Saved /)).toBeVisible();
  await expect(page.getByRole('list').getByText(/bloating \/ gas 5/)).toBeVisible();

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Delete entry' }).click();
  await expect(page.getByText(/^Deleted the entry/)).toBeVisible();
  await expect(page.getByText('No days logged yet.')).toBeVisible();
});

test('the date switcher stops at today and every choice is a large target', async ({ page }) => {
  await page.goto(`/journal?profile=${profileId}`);
  await expect(page.getByRole('button', { name: 'Next day' })).toBeDisabled();
  await page.getByRole('button', { name: 'Previous day' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /not logged yet/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next day' })).toBeEnabled();
  const boxes = await page
    .locator('fieldset label')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  expect(boxes.length).toBeGreaterThan(90);
  for (const h of boxes) expect(h).toBeGreaterThanOrEqual(44);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
