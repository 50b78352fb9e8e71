/**
 * Screenshots of Villi's main pages at 360, 390, 768 and 1280 px (the first screen a person
 * sees: viewport, not full page), written to docs/screenshots/<page>-<width>.png for the README.
 * Needs a running server with a seeded database: `npm start`, then
 *   npx tsx scripts/screenshots.ts [--base=http://localhost:3000]
 * It creates one profile and one plan through the API (AIP, household of two).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const BASE = process.argv.find((a) => a.startsWith('--base='))?.slice(7) ?? 'http://localhost:3000';
const WIDTHS = [360, 390, 768, 1280] as const;
const OUT = join(process.cwd(), 'docs', 'screenshots');

async function api<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function thisMonday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  const profile = await api<{ id: number }>('/api/profiles', {
    name: 'Screenshots',
    protocol: 'aip',
    phase: 'elimination',
    householdSize: 2,
    maxMinutes: { weekday: 60, weekend: 120 },
  });
  const plan = await api<{ id: number; days: { meals: { recipeSlug: string }[] }[] }>(
    '/api/plans',
    { profileId: profile.id, weekStart: thisMonday(), seed: 1, replace: true },
  );
  const slug = plan.days[0]!.meals.at(-1)!.recipeSlug;
  const pages: [string, string][] = [
    ['onboarding', '/profile?new=1'],
    ['plan', `/plans/${plan.id}`],
    ['shopping', `/plans/${plan.id}/shopping`],
    ['nutrition', `/plans/${plan.id}/nutrition`],
    ['recipe', `/recipes/${slug}`],
    ['foods', '/foods?q=salmon'],
    ['profile', `/profile?id=${profile.id}`],
  ];
  mkdirSync(OUT, { recursive: true });
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
    (p) => p && existsSync(p),
  );
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  for (const width of WIDTHS) {
    const page = await browser.newPage({ viewport: { width, height: width < 768 ? 780 : 900 } });
    for (const [name, path] of pages) {
      await page.goto(`${BASE}${path}`);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(OUT, `${name}-${width}.png`) });
    }
    // the swap dialog, opened on the first meal of the plan
    await page.goto(`${BASE}/plans/${plan.id}`);
    await page
      .getByRole('button', { name: /^Swap / })
      .first()
      .click();
    await page.getByRole('dialog').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(OUT, `swap-${width}.png`) });
    await page.close();
  }
  await browser.close();
  console.log(`wrote ${(pages.length + 1) * WIDTHS.length} screenshots to ${OUT}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
