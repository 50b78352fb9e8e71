import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { profileWithPlan } from './helpers';

test('no serious or critical accessibility violation on any page', async ({ page, request }) => {
  test.setTimeout(300_000);
  const { pages } = await profileWithPlan(
    request,
    { name: 'Axe', protocol: 'low-fodmap', householdSize: 1 },
    1,
  );
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
