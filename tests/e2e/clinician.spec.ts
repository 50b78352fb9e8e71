import { expect, type Page, test } from '@playwright/test';
import { profileWithPlan, screenshotBoth } from './helpers';

/** No part of the page is wider than the phone's screen. */
async function expectNoOverflow(page: Page, what: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, what).toBeLessThanOrEqual(390);
}

test('a member invites a clinician, who reads only what was shared, logged, until revoked', async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  // the owner (this context) has Sam from the journey, and another profile of the household
  const profiles = (await (await request.get('/api/profiles')).json()) as {
    items: { id: number; name: string }[];
  };
  const sam = profiles.items.find((p) => p.name === 'Sam');
  if (!sam) throw new Error('the journey made no profile "Sam"');
  const plans = (await (await request.get(`/api/plans?profileId=${sam.id}`)).json()) as {
    items: { id: number; profileId: number }[];
  };
  const samPlan = plans.items.find((p) => p.profileId === sam.id);
  if (!samPlan) throw new Error('Sam has no plan of their own');
  const other = await profileWithPlan(
    request,
    { name: `Not shared ${Date.now()}`, protocol: 'low-fodmap' },
    9,
  );

  // the owner makes a link for Sam on the access page, reached from the profile
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/profile?id=${sam.id}`);
  await page.getByRole('link', { name: 'Clinician access' }).click();
  await expect(page.getByRole('heading', { name: 'Clinician access: Sam' })).toBeVisible();
  await page.getByLabel('Access lasts (days)').fill('30');
  await page.getByRole('button', { name: 'Make a clinician link' }).click();
  const shown = page.getByTestId('clinician-link').locator('code');
  await expect(shown).toContainText('/clinician?invite=villi_');
  const url = new URL((await shown.textContent()) ?? '');
  await expect(page.getByText('Not accepted yet')).toBeVisible();
  await expectNoOverflow(page, 'access page');

  // a second browser opens the link and signs up as a clinician
  const email = `clinician-${Date.now()}@villi.test`;
  // signed out: a new context would otherwise start with the project's owner session
  const clinician = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    storageState: { cookies: [], origins: [] },
  });
  try {
    const cpage = await clinician.newPage();
    await cpage.goto(`${url.pathname}${url.search}`);
    await expect(cpage.getByRole('heading', { name: 'Read-only access to Sam' })).toBeVisible();
    await expectNoOverflow(cpage, 'link page');
    await cpage.getByLabel('Your name').fill('Dr Rivera');
    await cpage.getByLabel('Email').fill(email);
    await cpage.getByLabel('Password').fill('clinician-password-1');
    await cpage.getByRole('button', { name: 'Create my clinician account' }).click();
    await expect(cpage.getByRole('heading', { name: 'Shared with you' })).toBeVisible();
    const card = cpage.getByTestId(`granted-${sam.id}`);
    await expect(card).toContainText('Sam');
    await expect(cpage.locator('body')).not.toContainText('Not shared');
    await expectNoOverflow(cpage, 'clinician home');

    // Sam's plan, read-only
    await cpage.goto(`/plans/${samPlan.id}`);
    await expect(cpage.getByRole('heading', { name: /Week of/ })).toBeVisible();
    await expect(cpage.getByRole('button', { name: /^Swap / })).toHaveCount(0);
    await expect(cpage.getByRole('button', { name: /^(Lock|Unlock) / })).toHaveCount(0);
    await expect(cpage.getByRole('button', { name: /^Regenerate/ })).toHaveCount(0);
    await expectNoOverflow(cpage, 'plan page');
    await screenshotBoth(cpage, 'clinician-plan');

    // Sam's report
    const report = await cpage.goto(`/profiles/${sam.id}/report`);
    expect(report?.status()).toBe(200);
    await expect(cpage.getByRole('heading', { level: 1 })).toContainText('Sam');

    // Sam's journal, profile and shopping list: to read, with nothing offered to change
    await cpage.goto(`/journal?profile=${sam.id}`);
    await expect(cpage.getByText('Shared with you to read')).toBeVisible();
    await expect(cpage.getByRole('heading', { name: 'Recent days' })).toBeVisible();
    await expect(cpage.getByRole('button', { name: /^Save/ })).toHaveCount(0);
    await expect(cpage.getByRole('textbox')).toHaveCount(0);
    await expectNoOverflow(cpage, 'journal page');
    await screenshotBoth(cpage, 'clinician-journal');
    await cpage.goto(`/profile?id=${sam.id}`);
    await expect(cpage.getByRole('heading', { name: 'Sam', level: 1 })).toBeVisible();
    await expect(cpage.getByRole('heading', { name: 'Edit profile' })).toHaveCount(0);
    await expect(cpage.getByRole('button', { name: 'Delete profile' })).toHaveCount(0);
    await expect(cpage.getByRole('link', { name: 'Clinician access' })).toHaveCount(0);
    await cpage.goto(`/plans/${samPlan.id}/shopping`);
    await expect(cpage.getByRole('heading', { name: /Shopping list, week of/ })).toBeVisible();
    const boxes = cpage.getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThan(0);
    await expect(boxes.first()).toBeDisabled();

    // a write through the API is 403; the household's other profile is not found
    const write = await clinician.request.patch(`/api/profiles/${sam.id}`, {
      data: { name: 'Changed' },
      headers: { origin: baseURL ?? '' },
    });
    expect(write.status()).toBe(403);
    for (const path of [`/plans/${other.planId}`, `/profiles/${other.profileId}/report`]) {
      const res = await cpage.goto(path);
      expect(res?.status(), path).toBe(404);
    }
    expect((await clinician.request.get(`/api/profiles/${other.profileId}`)).status()).toBe(404);

    // the owner sees the clinician's views in the log
    await page.reload();
    const log = page.getByTestId('access-log');
    await expect(log).toContainText('Dr Rivera');
    await expect(log).toContainText('plan page');
    await expect(log).toContainText('clinician report page');
    await expect(page.getByText('Active')).toBeVisible();
    await expectNoOverflow(page, 'access page with log');
    await screenshotBoth(page, 'clinician-access');

    // revoking ends the clinician's access at once
    await page.getByRole('button', { name: "Revoke Dr Rivera's access" }).click();
    await expect(page.getByText('Revoked: the link and its access ended.')).toBeVisible();
    expect((await clinician.request.get(`/api/profiles/${sam.id}`)).status()).toBe(404);
    const after = await cpage.goto(`/plans/${samPlan.id}`);
    expect(after?.status()).toBe(404);
  } finally {
    await clinician.close();
  }
});
