import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('no serious or critical accessibility violation on any page', async ({ page, request }) => {
  test.setTimeout(180_000);
  const profile = await request.post('/api/profiles', {
    data: { name: 'Axe', protocol: 'low-fodmap', householdSize: 1 },
  });
  expect(profile.status()).toBe(201);
  const { id: profileId } = (await profile.json()) as { id: number };
  const plan = await request.post('/api/plans', {
    data: { profileId, weekStart: '2026-11-30', seed: 1 },
  });
  expect(plan.status()).toBe(201);
  const { id: planId, days } = (await plan.json()) as {
    id: number;
    days: { meals: { recipeSlug: string }[] }[];
  };
  const slug = days[0]?.meals[0]?.recipeSlug ?? '';

  const pages = [
    '/foods',
    '/foods/11507',
    '/recipes',
    `/recipes/${slug}`,
    '/protocols',
    `/profile?id=${profileId}`,
    '/profile?new=1',
    `/plans/${planId}`,
    `/plans/${planId}/shopping`,
    `/plans/${planId}/shopping/print`,
    `/plans/${planId}/print`,
    `/plans/${planId}/nutrition`,
    '/health-note',
    '/api/docs',
    '/no-such-page',
  ];
  const problems: string[] = [];
  for (const path of pages) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      for (const v of result.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') {
          problems.push(
            `${path} @${width}: ${v.id} (${v.impact}) ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(' | ')}`,
          );
        }
      }
    }
  }
  expect(problems).toEqual([]);
});

test('everything is reachable by keyboard with a visible focus', async ({ page }) => {
  await page.goto('/recipes');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  const outline = await page.evaluate(
    () => getComputedStyle(document.activeElement as Element).outlineStyle,
  );
  expect(outline).not.toBe('none');
});
