import type { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { localIsoDate } from '@/app/_lib/week';
import { POST as postEntry } from '@/app/api/profiles/[id]/journal/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { addDays } from '@/lib/planner/dates';
import { jsonRequest, useFreshDatabase } from '../support/db';

// pages read the caller from the request headers: the test owner's token
vi.mock('next/headers', () => import('../support/page-session'));

const today = localIsoDate(new Date());
const yesterday = addDays(today, -1);
let profileId: number;

beforeAll(async () => {
  await useFreshDatabase();
  const res = await createProfile(jsonRequest('/api/profiles', 'POST', { name: 'Page keeper' }));
  profileId = ((await res.json()) as { id: number }).id;
  const symptoms = {
    bloating: 4,
    pain: 2,
    stool: 5,
    fatigue: 0,
    joints: 0,
    skin: 0,
    brainFog: 0,
    headache: 1,
    sleep: 0,
  };
  const ctx = { params: Promise.resolve({ id: String(profileId) }) };
  const saved = await postEntry(
    jsonRequest(`/api/profiles/${profileId}/journal`, 'POST', { date: yesterday, symptoms }),
    ctx,
  );
  expect(saved.status).toBe(201);
});

async function render(search: Record<string, string>): Promise<string> {
  const { default: JournalPage } = await import('@/app/journal/page');
  const element = await JournalPage({ searchParams: Promise.resolve(search) });
  return renderToStaticMarkup(element as ReturnType<typeof createElement>);
}

describe('/journal (server render)', () => {
  it('shows today unlogged, every symptom as a labelled radio group, and the recent days', async () => {
    const html = await render({});
    expect(html).toContain('Today');
    expect(html).toContain('not logged yet');
    // eight 0–10 rows of 11 radios and the Bristol row of 7 types and "none"
    expect(html.match(/type="radio"/g)).toHaveLength(8 * 11 + 8);
    expect(html).toContain('aria-label="Bloating / gas: 0 of 10, none"');
    expect(html).toContain('aria-label="Bristol type 4 · Smooth sausage"');
    expect(html).toContain(`max="${today}"`);
    expect(html).toContain('bloating / gas 4 · abdominal pain 2 · headache 1');
    expect(html).toContain('How Villi judges a food challenge');
  });

  it('opens a saved day with its ratings checked and a delete button', async () => {
    const html = await render({ profile: String(profileId), date: yesterday });
    expect(html).toContain('saved entry');
    const checked = (html.match(/<input [^>]*checked=""[^>]*>/g) ?? []).join('\n');
    expect(checked).toContain('aria-label="Bloating / gas: 4 of 10"');
    expect(checked).toContain('aria-label="Bristol type 5 · Soft blobs"');
    expect(checked).not.toContain('Bloating / gas: 0 of 10');
    expect(html).toContain('Delete entry');
  });

  it('shows today for a future or malformed date', async () => {
    expect(await render({ date: addDays(today, 3) })).toContain('Today');
    expect(await render({ date: 'soon' })).toContain('Today');
  });
});
