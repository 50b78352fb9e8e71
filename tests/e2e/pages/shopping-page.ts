import { expect, type Locator, type Page } from '@playwright/test';

/** The shopping list of one plan, as a shopper uses it. */
export class ShoppingPage {
  constructor(readonly page: Page) {}

  async goto(planId: number): Promise<void> {
    await this.page.goto(`/plans/${planId}/shopping`);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /Shopping list, week of/ });
  }

  /** The "still to buy" number above the list. */
  get toBuy(): Locator {
    return this.page.getByTestId('to-buy');
  }

  async toBuyCount(): Promise<number> {
    return Number(await this.toBuy.textContent());
  }

  /** Every line of the list, in page order. */
  get lines(): Locator {
    return this.page.locator('[data-testid^="item-"]');
  }

  /** Lines still to buy: in an aisle (not "You likely have") and not checked. */
  get linesToBuy(): Locator {
    return this.page.locator(
      'section:not([aria-labelledby="aisle-in-pantry"]) [data-testid^="item-"][data-checked="false"]',
    );
  }

  /** The check-off control of a line: the checkbox, named by the line's text. */
  checkbox(line: Locator): Locator {
    return line.getByRole('checkbox');
  }

  /** The whole visible line a shopper taps to check it off. */
  tapTarget(line: Locator): Locator {
    return line.locator('label');
  }

  /** The button that shows the meals and the pantry choice of a line. */
  moreButton(line: Locator): Locator {
    return line.getByRole('button', { name: /^More about / });
  }

  /** Taps a line (its text, not only the box) and waits until the check is saved. */
  async tapToCheck(line: Locator): Promise<void> {
    const saved = this.page.waitForResponse(
      (r) => r.url().includes('/shopping-list/items/') && r.request().method() === 'PATCH',
    );
    await line.locator('.shop-name').click();
    expect((await saved).ok()).toBe(true);
  }

  /** The aisle sections' headings, in page order. */
  get aisleHeadings(): Locator {
    return this.page.locator('section[aria-labelledby^="aisle-"] > h2');
  }
}
