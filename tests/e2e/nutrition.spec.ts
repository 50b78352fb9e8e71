import { expect, test } from '@playwright/test';
import { screenshotBoth } from './helpers';

test('the weekly nutrition report reads on a phone and its charts have text alternatives', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const profile = await request.post('/api/profiles', {
    data: {
      name: 'Nutrition report',
      protocol: 'aip',
      phase: 'elimination',
      body: { sex: 'female', ageYears: 40, heightCm: 165, weightKg: 62, activity: 'light' },
    },
  });
  expect(profile.status()).toBe(201);
  const { id: profileId } = (await profile.json()) as { id: number };
  const created = await request.post('/api/plans', {
    data: { profileId, weekStart: '2026-11-30', seed: 3 },
  });
  expect(created.status()).toBe(201);
  const { id: planId } = (await created.json()) as { id: number };

  await page.setViewportSize({ width: 390, height: 844 });

  // The plan page says in one line how the week looks and links the report.
  await page.goto(`/plans/${planId}`);
  await page.getByRole('link', { name: 'see nutrition' }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}/nutrition$`));
  await expect(page.getByRole('heading', { level: 1, name: /Nutrition, week of/ })).toBeVisible();

  // One bar chart of weekly averages and five per-day charts, each an image with a name and a
  // description, and the same numbers in a table for screen readers.
  const charts = page.locator('svg[role="img"]');
  await expect(charts).toHaveCount(6);
  for (const chart of await charts.all()) {
    const titleId = await chart.getAttribute('aria-labelledby');
    const descId = await chart.getAttribute('aria-describedby');
    expect(titleId).toBeTruthy();
    expect(descId).toBeTruthy();
    await expect(chart.locator(`title#${titleId}`)).not.toHaveText('');
    await expect(chart.locator(`desc#${descId}`)).toHaveText(/\d/);
    const name = await chart.evaluate((el) => el.querySelector('title')?.textContent ?? '');
    await expect(page.getByRole('img', { name, exact: true })).toBeVisible();
    await expect(chart).toHaveAccessibleDescription(/\d/);
    const hidden = chart.locator('xpath=following-sibling::div[1]');
    await expect(hidden).toHaveClass(/visually-hidden/);
    const table = hidden.locator('table');
    await expect(table.locator('caption')).not.toHaveText('');
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
  }
  await expect(page.getByRole('img', { name: 'Sodium per day', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Not tracked' })).toBeVisible();
  await expect(page.getByText(/Vitamin D is not tracked/)).toBeVisible();

  // Nothing wider than the phone.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshotBoth(page, 'nutrition-report');

  // The same report in the API.
  const api = await request.get(`/api/plans/${planId}/nutrition`);
  expect(api.status()).toBe(200);
  const report = (await api.json()) as { perDay: unknown[]; findings: { status: string }[] };
  expect(report.perDay).toHaveLength(7);
  const flagged = report.findings.filter((f) => f.status !== 'ok').length;
  await expect(page.locator('.finding')).toHaveCount(flagged);
});
