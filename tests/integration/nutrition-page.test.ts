import type { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as createPlan } from '@/app/api/plans/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

// pages read the caller from the request headers: the test owner's token
vi.mock('next/headers', () => import('../support/page-session'));

// The page's client parts need the app router; a static render only needs them to exist.
vi.mock('next/navigation', () => ({
  useRouter: () => ({ refresh: () => undefined }),
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
  redirect: (to: string) => {
    throw new Error(`NEXT_REDIRECT ${to}`);
  },
}));

let planId: number;

beforeAll(async () => {
  await useFreshDatabase();
  const profile = await createProfile(
    jsonRequest('/api/profiles', 'POST', {
      ...ROOMY_LIMITS,
      name: 'Whole30 man',
      protocol: 'whole30',
      body: { sex: 'male', ageYears: 55, heightCm: 180, weightKg: 82, activity: 'moderate' },
    }),
  );
  const profileId = ((await profile.json()) as { id: number }).id;
  const plan = await createPlan(
    jsonRequest('/api/plans', 'POST', { profileId, weekStart: '2026-11-30', seed: 5 }),
  );
  expect(plan.status).toBe(201);
  planId = ((await plan.json()) as { id: number }).id;
});

async function render(page: (props: never) => Promise<unknown>, id: string): Promise<string> {
  const element = await page({ params: Promise.resolve({ id }) } as never);
  return renderToStaticMarkup(element as ReturnType<typeof createElement>);
}

describe('/plans/[id]/nutrition (server render)', () => {
  it('renders the bars, five day charts, findings and the untracked nutrients', async () => {
    const { default: NutritionPage } = await import('@/app/plans/[id]/nutrition/page');
    const html = await render(NutritionPage, String(planId));
    expect(html.match(/<svg /g)).toHaveLength(6);
    expect(html.match(/<title id=/g)).toHaveLength(6);
    expect(html.match(/<desc id=/g)).toHaveLength(6);
    expect(html.match(/<div class="visually-hidden"><table>/g)).toHaveLength(6);
    for (const t of [
      'Energy per day',
      'Protein per day',
      'Fiber per day',
      'Sodium per day',
      'Carbohydrate per day',
    ]) {
      expect(html).toContain(`>${t}</title>`);
    }
    expect(html).toContain('Vitamin D is not tracked');
    expect(html).not.toMatch(/supplement(s)? (is|are) recommended|take a supplement/i);
  });

  it('is a 404 for an unknown plan', async () => {
    const { default: NutritionPage } = await import('@/app/plans/[id]/nutrition/page');
    await expect(render(NutritionPage, '999999')).rejects.toThrow('NEXT_NOT_FOUND');
  });

  it('the plan page links the report in one line', async () => {
    const { default: PlanPage } = await import('@/app/plans/[id]/page');
    const html = await render(PlanPage, String(planId));
    expect(html).toContain(`this week — <a href="/plans/${planId}/nutrition">see nutrition</a>`);
  });

  it("links AIP's promised weekly summary to the current plan's report", async () => {
    const { default: ProtocolsPage } = await import('@/app/protocols/page');
    const html = renderToStaticMarkup((await ProtocolsPage()) as ReturnType<typeof createElement>);
    expect(html).toContain(`<a href="/plans/${planId}/nutrition">weekly summary</a>`);
  });
});
