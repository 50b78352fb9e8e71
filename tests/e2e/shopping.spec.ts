import { expect, test } from '@playwright/test';
import { screenshotBoth } from './helpers';
import { ShoppingPage } from './pages/shopping-page';

test('on a phone: tap a line to check it off, the count drops at once and survives a reload', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const profile = await request.post('/api/profiles', {
    data: { name: 'Phone shopper', protocol: 'gut-reset', householdSize: 2 },
  });
  expect(profile.status()).toBe(201);
  const { id: profileId } = (await profile.json()) as { id: number };
  const plan = await request.post('/api/plans', {
    data: { profileId, weekStart: '2026-11-30', seed: 7 },
  });
  expect(plan.status()).toBe(201);
  const { id: planId } = (await plan.json()) as { id: number };

  await page.setViewportSize({ width: 390, height: 844 });
  const shopping = new ShoppingPage(page);
  await shopping.goto(planId);

  const before = await shopping.toBuyCount();
  expect(before).toBe(await shopping.linesToBuy.count());
  expect(before).toBeGreaterThan(5);

  // Each line's check-off target is at least 44 px high; the details are closed by default.
  const line = shopping.linesToBuy.first();
  const box = await shopping.tapTarget(line).boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(200);
  await expect(line.getByRole('button', { name: 'I have this' })).toBeHidden();
  await shopping.moreButton(line).click();
  await expect(shopping.moreButton(line)).toHaveAttribute('aria-expanded', 'true');
  await expect(line.getByRole('button', { name: 'I have this' })).toBeVisible();
  await expect(line.getByText(/^For: /)).toBeVisible();
  await shopping.moreButton(line).click();
  await expect(line.getByRole('button', { name: 'I have this' })).toBeHidden();

  const ndb = ((await line.getAttribute('data-testid')) ?? '').replace('item-', '');
  const checked = page.getByTestId(`item-${ndb}`);
  await shopping.tapToCheck(line);
  await expect(shopping.checkbox(checked)).toBeChecked();
  await expect(shopping.toBuy).toHaveText(String(before - 1));

  await page.reload();
  await expect(shopping.checkbox(page.getByTestId(`item-${ndb}`))).toBeChecked();
  await expect(shopping.toBuy).toHaveText(String(before - 1));

  // The aisle name stays in view while its aisle scrolls under it.
  const heading = shopping.aisleHeadings.first();
  const section = page.locator('section[aria-labelledby^="aisle-"]').first();
  const sectionBox = await section.boundingBox();
  if (!sectionBox) throw new Error('no aisle section');
  await page.evaluate((y) => window.scrollTo(0, y), sectionBox.y + sectionBox.height / 2);
  const stuck = await heading.boundingBox();
  expect(Math.abs(stuck?.y ?? -999)).toBeLessThanOrEqual(1);

  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshotBoth(page, 'shopping');
});
