import { expect, type Locator, type Page } from '@playwright/test';

/** The swap dialog of the plan page: search, filters, the options and why none fits. */
export class SwapDialog {
  readonly root: Locator;
  readonly title: Locator;
  readonly search: Locator;
  readonly maxTime: Locator;
  readonly maxKcal: Locator;
  readonly options: Locator;
  readonly chooseButtons: Locator;
  readonly empty: Locator;
  readonly close: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog');
    this.title = this.root.getByRole('heading', { level: 2 });
    this.search = this.root.getByRole('searchbox', { name: 'Search recipes or ingredients' });
    this.maxTime = this.root.getByRole('combobox', { name: 'Max time' });
    this.maxKcal = this.root.getByRole('combobox', { name: 'Max kcal' });
    this.options = this.root
      .getByRole('list', { name: 'Alternatives, best first' })
      .getByRole('listitem');
    this.chooseButtons = this.root.getByRole('button', { name: /^Choose / });
    this.empty = this.root.locator('.swap-empty');
    this.close = this.root.getByRole('button', { name: 'Close' });
  }

  /** Waits until the list (or the reason it is empty) has loaded. */
  async loaded(): Promise<void> {
    await expect(this.chooseButtons.first().or(this.empty)).toBeVisible({ timeout: 15_000 });
  }

  /** Each shown option's name, own minutes and own kcal per person, in order. */
  async shown(): Promise<{ name: string; minutes: number; kcal: number; inWeek: boolean }[]> {
    return this.options.evaluateAll((els) =>
      els.map((li) => {
        const facts = li.querySelector('.small')?.textContent ?? '';
        return {
          name: li.querySelector('strong')?.textContent ?? '',
          kcal: Number(/(\d+) kcal/.exec(facts)?.[1]),
          minutes: Number(/(\d+) min/.exec(facts)?.[1]),
          inWeek: li.textContent?.includes('in this week') ?? false,
        };
      }),
    );
  }

  /** The limits named when nothing fits (their data-limit codes). */
  async blockingLimits(): Promise<string[]> {
    return this.empty
      .locator('li[data-limit]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-limit') ?? ''));
  }
}
