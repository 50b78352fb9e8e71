import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 390, height: 844 } });

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysAgo = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return iso(d);
};

let profileId: number;

test.beforeAll(async ({ request }) => {
  const made = await request.post('/api/profiles', {
    data: { name: 'Report phone', protocol: 'low-fodmap', phaseStartedOn: daysAgo(20) },
  });
  expect(made.status()).toBe(201);
  profileId = ((await made.json()) as { id: number }).id;
  // two weeks of days, bloating easing from 6 to 2
  for (let n = 14; n >= 1; n--) {
    const saved = await request.post(`/api/profiles/${profileId}/journal`, {
      data: {
        date: daysAgo(n),
        symptoms: {
          bloating: Math.round(2 + (4 * n) / 14),
          pain: 1,
          stool: 4,
          fatigue: 2,
          joints: 0,
          skin: 0,
          brainFog: 1,
          headache: 0,
          sleep: 2,
        },
        note: n === 7 ? 'busy day' : null,
      },
    });
    expect(saved.status()).toBe(201);
  }
});

test('reads on a phone: phase, one chart per symptom, a text summary and the downloads', async ({
  page,
}) => {
  await page.goto(`/profiles/${profileId}/report`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Clinician report: Report phone' }),
  ).toBeVisible();
  await expect(page.getByText('Share of planned meals kept: not recorded')).toBeVisible();
  await expect(page.getByRole('img', { name: /weekly average/ })).toHaveCount(9);
  await expect(page.getByRole('table', { name: /First and latest week/ })).toBeVisible();
  for (const name of ['Markdown', 'journal (CSV)', 'JSON']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  // nothing wider than the phone
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('downloads the journal as CSV and the report as Markdown', async ({ request }) => {
  const csv = await request.get(`/api/profiles/${profileId}/report?format=csv`);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect((await csv.text()).trim().split('\r\n')).toHaveLength(15);
  const md = await request.get(`/api/profiles/${profileId}/report?format=md`);
  expect(md.headers()['content-disposition']).toMatch(/^attachment; filename="villi-report-/);
  expect(await md.text()).toContain('# Clinician report: Report phone');
});

test('prints without navigation, downloads or the Print button', async ({ page }) => {
  await page.goto(`/profiles/${profileId}/report`);
  await page.emulateMedia({ media: 'print' });
  for (const nav of await page.locator('nav').all()) await expect(nav).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Markdown' })).toBeHidden();
  await expect(page.getByRole('img', { name: /weekly average/ })).toHaveCount(9);
});
