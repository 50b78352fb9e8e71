import { expect, type Locator, type Page } from '@playwright/test';

/** The key the onboarding keeps its draft under (app/profile/_lib/onboarding-draft.ts). */
export const DRAFT_KEY = 'villi:onboarding-draft:v1';

/**
 * The stepped onboarding (`/` for a new user, `/profile?new=1` for another profile): progress,
 * the step's heading, Back and one primary button, the draft note and the no-plan notice with
 * its fixes.
 */
export class OnboardingPage {
  readonly progress: Locator;
  readonly stepHeading: Locator;
  readonly next: Locator;
  readonly back: Locator;
  readonly finish: Locator;
  readonly startOver: Locator;
  readonly welcomeBack: Locator;
  readonly noPlan: Locator;
  /** The no-plan notice's buttons, one per change known to make a plan ("Apply: …"). */
  readonly fixes: Locator;

  constructor(readonly page: Page) {
    this.progress = page.locator('#step-progress');
    this.stepHeading = page.locator('#step-heading');
    this.next = page.getByRole('button', { name: 'Next', exact: true });
    this.back = page.getByRole('button', { name: 'Back', exact: true });
    this.finish = page.getByRole('button', { name: 'Save and plan my week' });
    this.startOver = page.getByRole('button', { name: 'Start over' });
    this.welcomeBack = page.getByRole('status').filter({ hasText: 'your answers so far are here' });
    this.noPlan = page.getByRole('alert').filter({ hasText: 'no week of meals fits' });
    this.fixes = this.noPlan.getByRole('button', { name: /^Apply: / });
  }

  /** The onboarding for another profile (`/` only shows it while there is no profile). */
  async gotoNew(): Promise<void> {
    await this.page.goto('/profile?new=1');
    await expect(this.stepHeading).toBeVisible();
  }

  async expectStep(n: number, title: string): Promise<void> {
    await expect(this.progress).toHaveText(`Step ${n} of 5`);
    await expect(this.stepHeading).toHaveText(title);
  }

  protocol(name: RegExp | string): Locator {
    return this.page.getByRole('radio', { name });
  }

  get phase(): Locator {
    return this.page.getByLabel('Phase', { exact: true });
  }

  allergy(label: string): Locator {
    return this.page
      .getByRole('group', { name: 'Allergies and intolerances' })
      .getByRole('checkbox', { name: label, exact: true });
  }

  diet(name: string): Locator {
    return this.page
      .getByRole('radiogroup', { name: 'Everyday diet' })
      .getByRole('radio', { name, exact: true });
  }

  get profileName(): Locator {
    return this.page.getByLabel('Profile name');
  }

  get household(): Locator {
    return this.page.getByLabel('People you cook for');
  }

  get weekdayMinutes(): Locator {
    return this.page.getByLabel('Max minutes on weekdays');
  }

  get weekendMinutes(): Locator {
    return this.page.getByLabel('Max minutes on weekends');
  }

  energyChoice(name: string): Locator {
    return this.page
      .getByRole('radiogroup', { name: 'Energy target' })
      .getByRole('radio', { name });
  }

  /** A step's button in the no-plan notice ("2. Allergies and diet"). */
  noPlanStep(title: string): Locator {
    return this.noPlan.getByRole('button', { name: new RegExp(`^\\d\\. ${title}$`) });
  }

  /** Next with the mouse, and the step it leads to. */
  async nextTo(n: number, title: string): Promise<void> {
    await this.next.click();
    await this.expectStep(n, title);
  }

  async draft(): Promise<unknown> {
    const text = await this.page.evaluate((key) => window.localStorage.getItem(key), DRAFT_KEY);
    return text === null ? null : JSON.parse(text);
  }

  /** Presses Tab (or Shift+Tab) until the target has focus; fails when it never gets it. */
  async tabTo(target: Locator, { backwards = false, max = 80 } = {}): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    }
    await expect(target).toBeFocused();
  }

  /** The focused element shows a focus ring. */
  async expectVisibleFocus(): Promise<void> {
    const outline = await this.page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThan(0);
  }

  /** The page is no wider than the screen (no sideways scroll). */
  async expectNoSidewaysScroll(): Promise<void> {
    const { scroll, width } = await this.page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(width);
  }
}
