import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { profileWithPlan } from './helpers';

/** The SQLite server's database (playwright.config.ts), where the command line adds an account. */
const SERVER_DB = '.tmp/e2e.db';

test('another household, signed in in a second browser, sees nothing of the first', async ({
  browser,
  request,
  baseURL,
}) => {
  // the owner's profile and plan (this context is signed in as the owner)
  const { profileId, planId } = await profileWithPlan(
    request,
    { name: 'Isolated household', protocol: 'low-fodmap' },
    7,
  );
  const email = `other-${Date.now()}@villi.test`;
  const { DATABASE_URL: _url, ...env } = process.env;
  const made = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/villi.ts',
      'users',
      'create',
      '--email',
      email,
      '--password',
      'other-password-1',
    ],
    { env: { ...env, DATABASE_PATH: SERVER_DB }, encoding: 'utf8' },
  );
  expect(made.stderr).toBe('');
  expect(JSON.parse(made.stdout)).toHaveProperty('householdId');

  const other = await browser.newContext({ baseURL });
  try {
    const signedIn = await other.request.post('/api/auth/sign-in', {
      data: { email, password: 'other-password-1' },
    });
    expect(signedIn.status()).toBe(200);
    const page = await other.newPage();
    for (const path of [
      `/plans/${planId}`,
      `/plans/${planId}/shopping`,
      `/plans/${planId}/nutrition`,
      `/profiles/${profileId}/report`,
      `/profile?id=${profileId}`,
    ]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.locator('body'), path).not.toContainText('Isolated household');
    }
    await page.goto('/profile');
    await expect(page.getByRole('heading', { name: 'Create your profile' })).toBeVisible();
    const list = await other.request.get('/api/profiles');
    expect(await list.json()).toEqual({ items: [] });
    expect((await other.request.get(`/api/plans/${planId}`)).status()).toBe(404);
  } finally {
    await other.close();
  }
});
