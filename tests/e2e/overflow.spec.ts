import { expect, test } from '@playwright/test';

const WIDTH = 360;
/** A long unbroken word and emoji: the name shows in headings, links and lists. */
const LONG_NAME = 'Maximilianekonstantinopolitanisch 🌿🍠 Okonkwo-Featherstonehaugh';

test(`no page is wider than a ${WIDTH} px phone`, async ({ page, request }) => {
  test.setTimeout(240_000);
  const profile = await request.post('/api/profiles', {
    data: { name: LONG_NAME, protocol: 'low-fodmap', householdSize: 3, leftovers: true },
  });
  expect(profile.status()).toBe(201);
  const { id: profileId } = (await profile.json()) as { id: number };
  const plan = await request.post('/api/plans', {
    data: { profileId, weekStart: '2026-11-30', seed: 5 },
  });
  expect(plan.status()).toBe(201);
  const { id: planId, days } = (await plan.json()) as {
    id: number;
    days: { meals: { recipeSlug: string }[] }[];
  };
  const slug = days[0]?.meals[0]?.recipeSlug ?? '';

  // Every page under app/ (the root, /plans and /shopping redirect to this profile's plan).
  const pages = [
    '/',
    '/foods',
    '/foods?q=chicken',
    '/foods/11507',
    '/recipes',
    `/recipes/${slug}`,
    '/protocols',
    `/profile?id=${profileId}`,
    '/profile?new=1',
    '/plans',
    '/shopping',
    `/plans/${planId}`,
    `/plans/${planId}/shopping`,
    `/plans/${planId}/shopping?units=us`,
    `/plans/${planId}/shopping/print`,
    `/plans/${planId}/print`,
    `/plans/${planId}/nutrition`,
    '/health-note',
    '/api/docs',
    '/no-such-page',
  ];
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
