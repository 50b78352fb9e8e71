import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type APIRequestContext, expect, type Page } from '@playwright/test';

const SHOTS = join(process.cwd(), 'tests', 'e2e', '.artifacts');

/** The owner account the journey makes on the first-run page (/setup). */
export const E2E_OWNER = {
  name: 'Sam Owner',
  email: 'owner@villi.test',
  password: 'owner-password-1',
};

/** Where the signed-in setup keeps the owner's session for the other specs. */
export const OWNER_STATE = join(process.cwd(), '.tmp', 'e2e-owner-state.json');

/** Full-page screenshots at desktop and phone width, kept for a person to look at. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const original = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(SHOTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(SHOTS, `${name}-390.png`), fullPage: true });
  if (original) await page.setViewportSize(original);
}

/** A profile with a plan for the week of 2026-11-30, made through the API, and every page's path. */
export async function profileWithPlan(
  request: APIRequestContext,
  profile: Record<string, unknown>,
  seed: number,
): Promise<{ profileId: number; planId: number; pages: string[] }> {
  const made = await request.post('/api/profiles', { data: profile });
  expect(made.status()).toBe(201);
  const { id: profileId } = (await made.json()) as { id: number };
  const plan = await request.post('/api/plans', {
    data: { profileId, weekStart: '2026-11-30', seed },
  });
  expect(plan.status()).toBe(201);
  const { id: planId, days } = (await plan.json()) as {
    id: number;
    days: { meals: { recipeSlug: string }[] }[];
  };
  const slug = days[0]?.meals[0]?.recipeSlug ?? '';
  // Every page under app/ (the root, /plans and /shopping redirect to a profile's plan).
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
  return { profileId, planId, pages };
}
