import { expect, test } from '@playwright/test';
import { profileWithPlan } from './helpers';

const WIDTH = 360;
/** A long unbroken word and emoji: the name shows in headings, links and lists. */
const LONG_NAME = 'Maximilianekonstantinopolitanisch 🌿🍠 Okonkwo-Featherstonehaugh';

test(`no page is wider than a ${WIDTH} px phone`, async ({ page, request }) => {
  test.setTimeout(240_000);
  const { pages } = await profileWithPlan(
    request,
    { name: LONG_NAME, protocol: 'low-fodmap', householdSize: 3, leftovers: true },
    5,
  );
  await page.setViewportSize({ width: WIDTH, height: 800 });
  const problems: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const found = await page.evaluate((width) => {
      const scrollWidth = document.documentElement.scrollWidth;
      if (scrollWidth <= width) return null;
      // The deepest elements that stick out (not inside a scroll container), to say what to fix.
      const clipped = (el: HTMLElement) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible') return true;
        }
        return false;
      };
      const wide = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !clipped(el))
        .filter(
          (el) => ![...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5),
        )
        .slice(0, 4)
        .map((el) => {
          const cls = typeof el.className === 'string' && el.className ? `.${el.className}` : '';
          return `${el.tagName.toLowerCase()}${cls} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
        });
      return `${scrollWidth}px: ${wide.join(' | ')}`;
    }, WIDTH);
    if (found) problems.push(`${path} → ${page.url().replace(/^https?:\/\/[^/]+/, '')} ${found}`);
  }
  expect(problems).toEqual([]);
});
