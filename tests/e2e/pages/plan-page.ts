import { expect, type Locator, type Page } from '@playwright/test';

/** The plan page (/plans/{id}): its head, day tabs (phones), meals and swap dialog. */
export class PlanPage {
  readonly heading: Locator;
  readonly tabs: Locator;
  readonly selectedTab: Locator;
  readonly moreButton: Locator;
  readonly status: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: /^Week of/, level: 1 });
    this.tabs = page.getByRole('tablist', { name: 'Days of the week' }).getByRole('tab');
    this.selectedTab = page.getByRole('tab', { selected: true });
    this.moreButton = page.getByRole('button', { name: /^More/ });
    this.status = page.getByRole('status');
    this.dialog = page.getByRole('dialog');
  }

  async goto(planId: number): Promise<void> {
    await this.page.goto(`/plans/${planId}`);
    await expect(this.heading).toBeVisible();
  }

  /** Every meal of a slot ('dinner'), or of the week; hidden days included. */
  meals(slot?: string): Locator {
    return this.page.locator(
      slot ? `[data-testid^="meal-"][data-testid$="-${slot}"]` : '[data-testid^="meal-"]',
    );
  }

  async mealNames(slot: string): Promise<string[]> {
    return this.meals(slot).locator('.meal-name').allInnerTexts();
  }

  /** The data-testid of each meal a person can see now. */
  async visibleMealIds(): Promise<string[]> {
    return this.page
      .locator('[data-testid^="meal-"]:visible')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  }

  /** The date (YYYY-MM-DD) of the selected day tab. */
  async selectedDate(): Promise<string> {
    const controls = (await this.selectedTab.getAttribute('aria-controls')) ?? '';
    return controls.replace(/^day-/, '').replace(/-panel$/, '');
  }

  /** A meal's Swap and Lock buttons, by meal id ('2026-12-01-dinner'). */
  swapButton(mealId: string): Locator {
    return this.page
      .locator(`[data-testid="meal-${mealId}"]`)
      .getByRole('button', { name: /^Swap / });
  }

  lockButton(mealId: string): Locator {
    return this.page
      .locator(`[data-testid="meal-${mealId}"]`)
      .getByRole('button', { name: /^(Lock|Unlock) / });
  }

  link(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true });
  }

  /**
   * Opens the swap dialog of the first dinner (from day `from` on) that has alternatives. A day
   * can have none: every other dinner would break a hard rule of that day (AIP's fructose cap,
   * sodium).
   */
  async openDinnerSwapWithChoices(from = 0): Promise<{ day: number; choose: Locator }> {
    for (let day = from; day < from + 7; day++) {
      await this.page
        .getByRole('button', { name: /^Swap dinner on/ })
        .nth(day % 7)
        .click();
      await expect(this.dialog).toBeVisible();
      const choose = this.dialog.getByRole('button', { name: /^Choose / }).first();
      const none = this.dialog.getByText('No other recipe fits this slot');
      await expect(choose.or(none)).toBeVisible({ timeout: 15_000 });
      if (await choose.isVisible()) return { day: day % 7, choose };
      await this.dialog.getByRole('button', { name: 'Close' }).click();
      await expect(this.dialog).toBeHidden();
    }
    throw new Error('no dinner of the week has an alternative');
  }
}
