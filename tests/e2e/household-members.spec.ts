import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { screenshotBoth } from './helpers';
import { OnboardingPage } from './pages/onboarding-page';

/**
 * A household of two people: the owner (signed in; the journey made their profile "Sam", AIP
 * with a fish allergy) invites a member on /account; the member signs up through the link in a
 * second browser and goes through onboarding with other allergies; the owner makes one plan for
 * both, and no meal of it carries any of their allergens; the member cannot open the owner's
 * profile; both see the pages at phone width without sideways scrolling.
 */
const MEMBER = {
  name: 'Robin Member',
  email: `robin-${Date.now()}@villi.test`,
  password: 'robin-password-1',
  profile: `Robin ${Date.now() % 100_000}`,
};
/** Sam's fish (the journey) and the member's egg and shellfish. */
const AVOIDED = ['fish', 'egg', 'crustacean'];

async function noSidewaysScroll(page: Page, path: string): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(path);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${path} at 390 px`).toBeLessThanOrEqual(0);
}

async function idOf(request: APIRequestContext, name: string): Promise<number> {
  const list = (await (await request.get('/api/profiles')).json()) as {
    items: { id: number; name: string }[];
  };
  const found = list.items.find((p) => p.name === name);
  if (!found) throw new Error(`no profile named ${name}`);
  return found.id;
}

test('an invited member with other allergies shares a plan that honours both, and sees only their own profile', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const samId = await idOf(page.request, 'Sam');

  // The owner makes a member invite on /account.
  await page.goto('/account');
  await page.getByLabel('Role').selectOption('member');
  await page.getByRole('button', { name: 'Make an invite link' }).click();
  const link = (await page.getByTestId('secret-value').textContent()) ?? '';
  expect(link).toContain('/sign-up?invite=');
  const invitePath = new URL(link).pathname + new URL(link).search;

  const member = await browser.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL ?? '' } });
  try {
    // The member signs up through the link and goes through onboarding.
    const mine = await member.newPage();
    await mine.goto(invitePath);
    await expect(mine.getByRole('heading', { name: 'Join the household' })).toBeVisible();
    await mine.getByLabel('Your name').fill(MEMBER.name);
    await mine.getByLabel('Email').fill(MEMBER.email);
    await mine.getByLabel('Password').fill(MEMBER.password);
    await mine.getByRole('button', { name: 'Create my account' }).click();
    await expect(mine.getByRole('heading', { name: /first week/i })).toBeVisible();
    const onboarding = new OnboardingPage(mine);
    await onboarding.expectStep(1, 'Protocol and phase');
    await onboarding.nextTo(2, 'Allergies and diet');
    await onboarding.allergy('egg').check();
    await onboarding.allergy('crustacean shellfish').check();
    await onboarding.nextTo(3, 'Foods you dislike');
    await onboarding.nextTo(4, 'Household and cooking time');
    await onboarding.profileName.fill(MEMBER.profile);
    await onboarding.nextTo(5, 'Daily targets');
    await onboarding.finish.click();
    await expect(mine).toHaveURL(/\/plans\/\d+$/, { timeout: 30_000 });

    // The member's profile is theirs; the owner's is "not found" to them, page and API alike.
    const robinId = await idOf(member.request, MEMBER.profile);
    expect(
      ((await (await member.request.get('/api/profiles')).json()) as { items: unknown[] }).items,
    ).toHaveLength(1);
    for (const path of [`/profile?id=${samId}`, `/profiles/${samId}/report`]) {
      const res = await mine.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(mine.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    }
    expect((await member.request.get(`/api/profiles/${samId}`)).status()).toBe(404);

    // The owner sees the member in the household and starts a plan for both.
    await page.goto('/account');
    const row = page.getByTestId('household-member').filter({ hasText: MEMBER.name });
    await expect(row).toContainText('Member');
    await expect(row).toContainText(`profile ${MEMBER.profile}`);
    const samPlans = (await (await page.request.get(`/api/plans?profileId=${samId}`)).json()) as {
      items: { id: number }[];
    };
    const samPlan = samPlans.items[0];
    if (!samPlan) throw new Error('Sam has no plan');
    await page.goto(`/plans/${samPlan.id}`);
    await page.getByText('Plan for several people').click();
    const who = page.getByRole('group', { name: 'Who eats' });
    for (const box of await who.getByRole('checkbox').all()) await box.uncheck();
    // the first ticked owns the plan: the member, whose next week is still free
    await who.getByRole('checkbox', { name: new RegExp(`^${MEMBER.profile}\\b`) }).check();
    await who.getByRole('checkbox', { name: /^Sam\b/ }).check();
    await page.getByRole('radio', { name: 'Next week' }).check();
    await page.getByRole('button', { name: 'Make the shared plan' }).click();
    await expect(page).not.toHaveURL(new RegExp(`/plans/${samPlan.id}$`), { timeout: 60_000 });
    await expect(page).toHaveURL(/\/plans\/\d+$/);
    const sharedId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect(page.getByText(/Shared by/)).toContainText('Sam');

    // Every meal of the shared plan is free of both people's allergens (the recipes' own tags).
    const shared = (await (await page.request.get(`/api/plans/${sharedId}`)).json()) as {
      members: { profileId: number }[];
      days: { meals: { recipeSlug: string }[] }[];
    };
    expect(shared.members.map((m) => m.profileId).sort()).toEqual([samId, robinId].sort());
    const slugs = [...new Set(shared.days.flatMap((d) => d.meals.map((m) => m.recipeSlug)))];
    expect(slugs.length).toBeGreaterThan(5);
    for (const slug of slugs) {
      const recipe = (await (await page.request.get(`/api/recipes/${slug}`)).json()) as {
        allergens: { code: string }[];
      };
      const codes = recipe.allergens.map((a) => a.code);
      for (const avoided of AVOIDED)
        expect(codes, `${slug} carries ${avoided}`).not.toContain(avoided);
    }

    // The member reads the household's shared plan, and both fit a phone.
    expect((await member.request.get(`/api/plans/${sharedId}`)).status()).toBe(200);
    await noSidewaysScroll(mine, `/plans/${sharedId}`);
    await noSidewaysScroll(mine, '/account');
    await noSidewaysScroll(page, '/account');
    await screenshotBoth(page, 'account-household');
  } finally {
    await member.close();
  }
});
