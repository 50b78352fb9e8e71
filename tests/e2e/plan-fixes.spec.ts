import { expect, test } from '@playwright/test';
import { screenshotBoth } from './helpers';
import { OnboardingPage } from './pages/onboarding-page';
import { PlanPage } from './pages/plan-page';

test.use({ viewport: { width: 390, height: 844 } });

/** AIP elimination with ten minutes of cooking a day: no week of the catalog fits it. */
const TEN_MINUTES = { weekday: '10', weekend: '10' };

type Profile = { id: number; name: string; maxMinutes: { weekday: number; weekend: number } };

test('an unplannable first plan offers tried fixes that stay on screen; one applied by keyboard plans the week', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const onboarding = new OnboardingPage(page);
  await onboarding.gotoNew();
  await onboarding.nextTo(2, 'Allergies and diet');
  await onboarding.allergy('egg').check();
  await onboarding.nextTo(3, 'Foods you dislike');
  await onboarding.nextTo(4, 'Household and cooking time');
  const name = `Ten minutes ${Date.now()}`;
  await onboarding.profileName.fill(name);
  await onboarding.weekdayMinutes.fill(TEN_MINUTES.weekday);
  await onboarding.weekendMinutes.fill(TEN_MINUTES.weekend);
  await onboarding.nextTo(5, 'Daily targets');
  await onboarding.finish.click();

  // What is short, in words, and each change known to make a plan as a button.
  await expect(onboarding.noPlan).toBeVisible({ timeout: 60_000 });
  await expect(onboarding.noPlan).toBeFocused();
  await expect(onboarding.noPlan).toContainText('too few recipes for');
  await expect(onboarding.noPlan).toContainText('Any one of these changes makes a plan');
  await expect(onboarding.fixes.first()).toBeVisible();
  const fixTexts = await onboarding.fixes.allTextContents();
  for (const text of fixTexts) {
    expect(text).toMatch(/^Apply: /);
    expect(text).not.toMatch(/allerg|protocol|phase|diet|add more/i);
  }
  await expect(onboarding.noPlan).not.toContainText('Add more');
  await onboarding.expectNoSidewaysScroll();
  await screenshotBoth(page, 'onboarding-plan-fixes');

  // The notice stays while the person looks around the steps.
  const notice = (await onboarding.noPlan.textContent()) ?? '';
  await onboarding.noPlanStep('Household and cooking time').click();
  await onboarding.expectStep(4, 'Household and cooking time');
  await expect(onboarding.noPlan).toHaveText(notice);
  await onboarding.nextTo(5, 'Daily targets');
  await expect(onboarding.noPlan).toHaveText(notice);

  // One fix by keyboard: the profile takes it and the week is planned.
  const first = onboarding.fixes.first();
  const fixText = ((await first.textContent()) ?? '').replace(/^Apply: /, '');
  await onboarding.tabTo(first, { backwards: true });
  await onboarding.expectVisibleFocus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/plans\/\d+$/, { timeout: 60_000 });
  await expect(new PlanPage(page).heading).toBeVisible();
  expect(await onboarding.draft()).toBeNull();

  const { items } = (await (await request.get('/api/profiles')).json()) as { items: Profile[] };
  const saved = items.filter((p) => p.name === name);
  expect(saved).toHaveLength(1);
  // The fix the button named is what the profile now holds (time fixes name the new limit).
  const minutes = fixText.match(/^Allow (\d+) minutes/);
  if (minutes) {
    expect(Object.values(saved[0]!.maxMinutes)).toContain(Number(minutes[1]));
  }
});

test('"New plan" on the profile page applies a fix in one click', async ({ page, request }) => {
  test.setTimeout(120_000);
  const made = await request.post('/api/profiles', {
    data: {
      name: `Profile page, ten minutes ${Date.now()}`,
      protocol: 'aip',
      maxMinutes: { weekday: 10, weekend: 10 },
    },
  });
  expect(made.status()).toBe(201);
  const { id } = (await made.json()) as { id: number };
  await page.goto(`/profile?id=${id}`);
  await page.getByRole('button', { name: 'New plan', exact: true }).click();
  const answer = page.getByRole('alert').filter({ hasText: 'No week can follow every rule' });
  await expect(answer).toBeVisible({ timeout: 60_000 });
  const fixes = answer.getByRole('button', { name: /^Apply: / });
  await expect(fixes.first()).toBeVisible();
  await fixes.first().click();
  await expect(page).toHaveURL(/\/plans\/\d+$/, { timeout: 60_000 });
  await expect(new PlanPage(page).heading).toBeVisible();
});
