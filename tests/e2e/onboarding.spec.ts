import { expect, type Page, test } from '@playwright/test';
import { screenshotBoth } from './helpers';
import { OnboardingPage } from './pages/onboarding-page';
import { PlanPage } from './pages/plan-page';

test.use({ viewport: { width: 390, height: 844 } });

/** POSTs and PATCHes to /api/profiles: a step is checked in the browser, nothing is sent. */
function profileWrites(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/profiles') && r.method() !== 'GET') writes.push(r.method());
  });
  return writes;
}

test('a new profile with the keyboard only, in five steps, kept across a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const onboarding = new OnboardingPage(page);
  const keys = page.keyboard;
  const writes = profileWrites(page);
  await onboarding.gotoNew();

  // 1. Protocol and phase: arrow keys move through the protocols, the phase follows.
  await onboarding.expectStep(1, 'Protocol and phase');
  await onboarding.expectNoSidewaysScroll();
  const aip = onboarding.protocol(/Autoimmune Protocol/);
  await onboarding.tabTo(aip);
  await expect(aip).toBeChecked();
  await onboarding.expectVisibleFocus();
  await keys.press('ArrowDown');
  await expect(aip).not.toBeChecked();
  await keys.press('ArrowUp');
  await expect(aip).toBeChecked();
  await expect(onboarding.phase).toHaveValue('elimination');
  await onboarding.tabTo(onboarding.next);
  await onboarding.expectVisibleFocus();
  await keys.press('Enter');
  await onboarding.expectStep(2, 'Allergies and diet');
  await expect(onboarding.stepHeading).toBeFocused();
  await onboarding.expectVisibleFocus();

  // 2. Allergies: Space ticks fish; Back and Next keep it.
  await onboarding.expectNoSidewaysScroll();
  await onboarding.tabTo(onboarding.allergy('fish'));
  await keys.press('Space');
  await expect(onboarding.allergy('fish')).toBeChecked();
  await onboarding.tabTo(onboarding.back, { backwards: false });
  await keys.press('Enter');
  await onboarding.expectStep(1, 'Protocol and phase');
  await expect(onboarding.stepHeading).toBeFocused();
  await onboarding.tabTo(onboarding.next);
  await keys.press('Space');
  await onboarding.expectStep(2, 'Allergies and diet');
  await expect(onboarding.allergy('fish')).toBeChecked();
  await onboarding.tabTo(onboarding.next);
  await keys.press('Enter');

  // 3. Dislikes; a reload finds the draft on this step.
  await onboarding.expectStep(3, 'Foods you dislike');
  await onboarding.expectNoSidewaysScroll();
  await page.reload();
  await onboarding.expectStep(3, 'Foods you dislike');
  await expect(onboarding.welcomeBack).toBeVisible();
  await onboarding.tabTo(onboarding.back);
  await keys.press('Enter');
  await onboarding.expectStep(2, 'Allergies and diet');
  await expect(onboarding.allergy('fish')).toBeChecked();
  await onboarding.tabTo(onboarding.next);
  await keys.press('Enter');
  await onboarding.expectStep(3, 'Foods you dislike');
  // Enter in the food search searches; it does not leave the step.
  await onboarding.tabTo(page.getByLabel(/Foods you do not want/));
  await keys.type('liver');
  await keys.press('Enter');
  await onboarding.expectStep(3, 'Foods you dislike');
  await onboarding.tabTo(onboarding.next);
  await keys.press('Enter');

  // 4. Household: Enter in a field submits the step; a refused size keeps the step, says why
  // in the server's words and takes focus there.
  await onboarding.expectStep(4, 'Household and cooking time');
  await onboarding.expectNoSidewaysScroll();
  await onboarding.tabTo(onboarding.profileName);
  await keys.press('ControlOrMeta+a');
  await keys.type('Kim');
  await keys.press('Tab');
  await expect(onboarding.household).toBeFocused();
  await keys.press('ControlOrMeta+a');
  await keys.type('40');
  await keys.press('Enter');
  await expect(page.locator('#householdSize-error')).toHaveText(
    'People you cook for must be between 1 and 12 people',
  );
  await expect(onboarding.household).toBeFocused();
  await expect(onboarding.household).toHaveAttribute('aria-invalid', 'true');
  await onboarding.expectStep(4, 'Household and cooking time');
  await keys.press('ControlOrMeta+a');
  await keys.type('2');
  await keys.press('Enter');

  // 5. Targets: a typed energy target under the floor needs the clinician box, as the API says.
  await onboarding.expectStep(5, 'Daily targets');
  await expect(onboarding.stepHeading).toBeFocused();
  await onboarding.expectNoSidewaysScroll();
  await onboarding.tabTo(onboarding.energyChoice('About 2,000 kcal'));
  await keys.press('ArrowDown');
  await expect(onboarding.energyChoice('I know my target')).toBeChecked();
  const energy = page.getByLabel('Energy (kcal per day)');
  await onboarding.tabTo(energy);
  await keys.press('ControlOrMeta+a');
  await keys.type('1100');
  await keys.press('Enter');
  await expect(page.locator('#energyKcal-error')).toContainText(
    '1,100 kcal a day is below 1,200 kcal',
  );
  await expect(energy).toBeFocused();
  await onboarding.expectStep(5, 'Daily targets');
  expect(writes).toEqual([]);

  await keys.press('ControlOrMeta+a');
  await keys.type('2100');
  await onboarding.tabTo(onboarding.finish);
  await onboarding.expectVisibleFocus();
  await keys.press('Enter');

  await expect(page).toHaveURL(/\/plans\/\d+$/, { timeout: 60_000 });
  await expect(new PlanPage(page).heading).toBeVisible();
  expect(writes).toEqual(['POST']);
  expect(await onboarding.draft()).toBeNull();
});

test('an impossible first plan keeps its suggestions and the answers, and a change plans it', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const onboarding = new OnboardingPage(page);
  await onboarding.gotoNew();
  // AIP with a vegan diet and five minutes of cooking: no week fits (as in the API tests).
  await onboarding.nextTo(2, 'Allergies and diet');
  await onboarding.diet('Vegan').check();
  await onboarding.nextTo(3, 'Foods you dislike');
  await onboarding.nextTo(4, 'Household and cooking time');
  const name = `Five minutes ${Date.now()}`;
  await onboarding.profileName.fill(name);
  await onboarding.weekdayMinutes.fill('5');
  await onboarding.weekendMinutes.fill('5');
  await onboarding.nextTo(5, 'Daily targets');
  await onboarding.finish.click();

  await expect(onboarding.noPlan).toBeVisible({ timeout: 60_000 });
  await expect(onboarding.noPlan).toBeFocused();
  await expect(onboarding.noPlan).toContainText('No week can follow every rule');
  await expect(onboarding.noPlan).toContainText('Try:');
  const suggestions = (await onboarding.noPlan.textContent()) ?? '';
  await onboarding.expectNoSidewaysScroll();
  await screenshotBoth(page, 'onboarding-no-plan');

  // Back to a step: the suggestions stay, and so do the answers (also after a reload).
  await onboarding.noPlanStep('Allergies and diet').click();
  await onboarding.expectStep(2, 'Allergies and diet');
  await expect(onboarding.stepHeading).toBeFocused();
  await expect(onboarding.noPlan).toHaveText(suggestions);
  await expect(onboarding.diet('Vegan')).toBeChecked();
  await page.reload();
  await onboarding.expectStep(2, 'Allergies and diet');
  await expect(onboarding.diet('Vegan')).toBeChecked();

  // Change the answers the suggestions point at, and the same profile gets its plan.
  await onboarding.diet('Omnivore').check();
  await onboarding.nextTo(3, 'Foods you dislike');
  await onboarding.nextTo(4, 'Household and cooking time');
  await expect(onboarding.weekdayMinutes).toHaveValue('5');
  await onboarding.weekdayMinutes.fill('45');
  await onboarding.weekendMinutes.fill('90');
  await onboarding.nextTo(5, 'Daily targets');
  await onboarding.finish.click();
  await expect(page).toHaveURL(/\/plans\/\d+$/, { timeout: 60_000 });
  await expect(new PlanPage(page).heading).toBeVisible();
  const { items } = (await (await request.get('/api/profiles')).json()) as {
    items: { name: string; diet: string }[];
  };
  expect(items.filter((p) => p.name === name).map((p) => p.diet)).toEqual(['omnivore']);
});

test('Start over clears the draft', async ({ page }) => {
  const onboarding = new OnboardingPage(page);
  await onboarding.gotoNew();
  await onboarding.nextTo(2, 'Allergies and diet');
  await onboarding.allergy('egg').check();
  await expect.poll(() => onboarding.draft()).not.toBeNull();
  await onboarding.startOver.click();
  await onboarding.expectStep(1, 'Protocol and phase');
  expect(await onboarding.draft()).toBeNull();
  await page.reload();
  await onboarding.expectStep(1, 'Protocol and phase');
  await expect(onboarding.welcomeBack).toHaveCount(0);
  await onboarding.nextTo(2, 'Allergies and diet');
  await expect(onboarding.allergy('egg')).not.toBeChecked();
});

test('screenshots of the steps at phone and desktop width', async ({ page }) => {
  const onboarding = new OnboardingPage(page);
  await onboarding.gotoNew();
  await screenshotBoth(page, 'onboarding-step-1');
  await onboarding.nextTo(2, 'Allergies and diet');
  await onboarding.allergy('fish').check();
  await screenshotBoth(page, 'onboarding-step-2');
  await onboarding.nextTo(3, 'Foods you dislike');
  await onboarding.nextTo(4, 'Household and cooking time');
  await onboarding.profileName.fill('Alex');
  await screenshotBoth(page, 'onboarding-step-4');
  await onboarding.nextTo(5, 'Daily targets');
  await screenshotBoth(page, 'onboarding-step-5');
});
