import { expect, test } from '@playwright/test';

test('pages link an SVG icon that the server serves', async ({ page, request }) => {
  await page.goto('/recipes');
  const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(href).toMatch(/^\/icon\.svg/);
  const res = await request.get(href ?? '');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('image/svg+xml');
  expect(await res.text()).toContain('<svg');
});
