import type { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as createPlan } from '@/app/api/plans/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

// pages read the caller from the request headers: the test owner's token
vi.mock('next/headers', () => import('../support/page-session'));

// The pages' client parts need the app router; a static render only needs them to exist.
vi.mock('next/navigation', () => ({
  useRouter: () => ({ refresh: () => undefined, push: () => undefined }),
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
  redirect: (to: string) => {
    throw new Error(`NEXT_REDIRECT ${to}`);
  },
}));

let planId: number;
let sam: number;

async function newProfile(body: Record<string, unknown>): Promise<number> {
  const res = await createProfile(
    jsonRequest('/api/profiles', 'POST', { ...ROOMY_LIMITS, leftovers: true, ...body }),
  );
  return ((await res.json()) as { id: number }).id;
}

beforeAll(async () => {
  await useFreshDatabase();
  const alex = await newProfile({ name: 'Alex', protocol: 'gut-reset', energyKcal: 2400 });
  sam = await newProfile({ name: 'Sam', protocol: 'aip', phase: 'elimination', energyKcal: 1600 });
  const res = await createPlan(
    jsonRequest('/api/plans', 'POST', { memberIds: [alex, sam], weekStart: '2026-11-30', seed: 9 }),
  );
  expect(res.status).toBe(201);
  planId = ((await res.json()) as { id: number }).id;
});

async function render(
  page: (props: never) => Promise<unknown>,
  id: string,
  query: Record<string, string> = {},
): Promise<string> {
  const element = await page({
    params: Promise.resolve({ id }),
    searchParams: Promise.resolve(query),
  } as never);
  return renderToStaticMarkup(element as ReturnType<typeof createElement>);
}

describe('pages of a shared plan (server render)', () => {
  it('the plan page names the members and each meal says who eats how much', async () => {
    const { default: PlanPage } = await import('@/app/plans/[id]/page');
    const html = await render(PlanPage, String(planId));
    expect(html).toContain('Shared by');
    expect(html).toMatch(/>Alex<\/a> \(1½\)/);
    expect(html).toMatch(/Alex [\d¼½¾]+ servings?, Sam [\d¼½¾]+</);
    expect(html).toContain('Plan for several people');
  });

  it("the nutrition page shows the asked member's portions", async () => {
    const { default: NutritionPage } = await import('@/app/plans/[id]/nutrition/page');
    const html = await render(NutritionPage, String(planId), { member: String(sam) });
    expect(html).toContain('Sam&#x27;s portions, per day.');
    expect(html).toContain(`href="/plans/${planId}/nutrition?member=${sam}"`);
  });
});
