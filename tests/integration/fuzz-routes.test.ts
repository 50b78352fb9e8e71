import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  apiOperations,
  errorBodySchema,
  mediaTypeOf,
  type Operation,
} from '@/lib/openapi/document';
import {
  type Call,
  callOperation,
  type Fixture,
  goodCall,
  makeFixture,
  opName,
} from '../support/api-routes';
import { useFreshDatabase } from '../support/db';

/**
 * Property-based fuzzing of every operation of the OpenAPI document, in-process on a database
 * with one real profile and plan: odd path parameters, query strings and bodies (the known-good
 * request of each route, mutated; any JSON; text that is no JSON). Whatever comes in, no answer
 * is a 5xx, every 4xx carries the one error body with a message, and every 2xx is the success
 * the document describes. fast-check prints the seed and the shrunk request of a failure.
 */

let fixture: Fixture;

beforeAll(async () => {
  await useFreshDatabase();
  fixture = await makeFixture();
});

const ODD_IDS = [
  '0x2ad',
  '[685]',
  ' 685 ',
  '1e2',
  '-1',
  '0',
  '1.0',
  '+1',
  '007',
  '99999999999999999999',
  '9007199254740993',
  '%E0%A4%A',
  '%00',
  'ünïcødé',
  '١٢٣',
  '\u202e12',
  '',
  ' ',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '../1',
  'a'.repeat(3000),
];

const ODD_VALUES = [
  ...ODD_IDS,
  'true',
  '2026-02-30',
  '2026-11-30',
  '1999-12-27',
  '2101-01-03',
  '2026-11-30-dinner',
  '2026-11-30-brunch',
  'json',
  'csv',
  'metric',
  'us',
  'aip',
  'elimination',
  'gluten',
  'fish',
  'produce,pantry',
  ',',
  '\u0000',
  '\n',
  '"',
  "'; drop table foods; --",
  '*',
  '%',
];

/** Path parameters: the fixture's own, other real ids, odd strings and any text. */
function paramsArb(op: Operation, good: Record<string, string>) {
  const names = Object.keys(op.pathParams ?? {});
  if (names.length === 0) return fc.constant(good);
  const realIds = [fixture.planId, fixture.profileId, fixture.spareProfileId, 1, 2].map(String);
  const one = (name: string) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(good[name] ?? '') },
      { weight: 1, arbitrary: fc.constantFrom(...realIds, fixture.mealId, fixture.shoppingNdb) },
      { weight: 3, arbitrary: fc.constantFrom(...ODD_IDS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    );
  return fc.record(Object.fromEntries(names.map((n) => [n, one(n)])));
}

/** Query keys the route knows, with odd values; unknown and prototype keys; repeats. */
function queryArb(op: Operation, good: [string, string][] | undefined) {
  const known = op.query
    ? Object.keys(
        (
          z.toJSONSchema(op.query, { io: 'input', unrepresentable: 'any' }) as {
            properties?: Record<string, unknown>;
          }
        ).properties ?? {},
      )
    : [];
  const key = fc.constantFrom(
    ...known,
    ...(known.length ? known : []),
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'x',
    '',
  );
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ODD_VALUES) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constant('q'.repeat(20_000)) },
  );
  const pairs = fc.array(fc.tuple(key, value), { maxLength: 5 });
  return fc.oneof(
    fc.constant({ query: good }),
    pairs.map((query) => ({ query })),
    // the good query with odd pairs added (repeated keys among them)
    pairs.map((extra) => ({ query: [...(good ?? []), ...extra] })),
    fc
      .constantFrom(
        'q=%E0%A4%A',
        'limit=%',
        '%zz=1',
        '=1',
        '&&&',
        'format=json&format=csv',
        'a[b]=1',
        '__proto__[x]=1',
      )
      .map((rawQuery) => ({ rawQuery })),
  );
}

const deep = (n: number): unknown => (n === 0 ? 1 : { a: deep(n - 1) });
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(...ODD_VALUES),
  fc.constant('x'.repeat(50_000)),
  fc.constant(deep(300)),
  fc.integer(),
  fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53, 0.5, 2 ** 31),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.constant({}),
);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The known-good body with one change: a field removed, replaced, added; or itself wrapped. */
function mutated(good: unknown): fc.Arbitrary<unknown> {
  if (!isObject(good)) return weirdValue;
  const keys = Object.keys(good);
  const nested = keys.filter((k) => isObject(good[k]));
  const options: fc.Arbitrary<unknown>[] = [
    // a body of no fields ({}) has none to remove
    ...(keys.length > 0
      ? [
          fc
            .constantFrom(...keys)
            .map((k) => Object.fromEntries(keys.filter((x) => x !== k).map((x) => [x, good[x]]))),
        ]
      : []),
    fc
      .tuple(fc.constantFrom(...keys, 'extra', '__proto__', 'constructor'), weirdValue)
      .map(([k, v]) => ({ ...good, [k]: v })),
    fc.constant([good]),
    fc.constant({ body: good }),
  ];
  if (nested.length > 0) {
    options.push(
      fc
        .tuple(fc.constantFrom(...nested), fc.string({ maxLength: 12 }), weirdValue)
        .map(([k, inner, v]) => ({ ...good, [k]: { ...(good[k] as object), [inner]: v } })),
    );
  }
  return fc.oneof(...options);
}

/**
 * Other valid bodies than the one good example, so fuzzing reaches the use cases with real
 * changes: other recipes and days, other weeks, profile changes that touch the plans.
 */
function validBodies(op: Operation, f: Fixture): unknown[] {
  const bodies: Record<string, unknown[]> = {
    'POST /api/plans': [
      { profileId: f.profileId, weekStart: '2026-12-14', replace: true },
      { profileId: f.profileId, weekStart: f.weekStart },
      { profileId: f.spareProfileId, weekStart: '2027-01-04', seed: 0 },
      { profileId: 999_999, weekStart: f.weekStart },
    ],
    'POST /api/plans/{id}/regenerate': [
      { scope: 'week' },
      { scope: 'week', seed: 2 ** 31 - 1 },
      { scope: 'day', date: '2026-12-06' },
      { scope: 'day', date: '2026-12-07' },
      { scope: 'day', date: '2020-01-01' },
    ],
    'POST /api/plans/{id}/meals/{mealId}/swap': [
      { recipeSlug: 'no-such-recipe' },
      ...f.recipeSlugs.map((recipeSlug) => ({ recipeSlug })),
    ],
    'PATCH /api/plans/{id}/meals/{mealId}': [{ locked: false }],
    'PATCH /api/plans/{id}/shopping-list/items/{ndb}': [{ checked: false }],
    'PATCH /api/profiles/{id}': [
      { householdSize: 3 },
      { slots: ['lunch', 'dinner'] },
      { slots: ['breakfast', 'lunch', 'dinner', 'snack'] },
      { leftovers: false },
      { protocol: 'low-fodmap', phase: 'elimination' },
      { protocol: 'aip', phase: 'elimination' },
      { maxMinutes: { weekday: 5 } },
      { allergens: ['fish', 'egg', 'tree-nuts'] },
    ],
    'PATCH /api/profiles/{id}/journal/{date}': [
      { meals: [{ mealId: `${f.journalDate}-lunch`, reaction: 'bloated' }] },
      { note: 'x' },
    ],
  };
  return bodies[opName(op)] ?? [];
}

function bodyArb(op: Operation, good: Call) {
  const valid = [good.body, ...validBodies(op, fixture)];
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...valid).map((body) => ({ body })) },
    {
      weight: 6,
      arbitrary: fc
        .constantFrom(...valid)
        .chain(mutated)
        .map((body) => ({ body })),
    },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((body) => ({ body })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom('', '{', '{"a":', 'undefined', "{'a':1}", '[1,]', '\u0000', '1e999'),
          fc.constant(`${'['.repeat(20_000)}${']'.repeat(20_000)}`),
        )
        .map((rawBody) => ({ rawBody })),
    },
  );
}

/** One part of the request odd at a time (the others good), or all of them at once. */
function callArb(op: Operation): fc.Arbitrary<Call> {
  const good = goodCall(op, fixture);
  const goodQuery = { query: good.query };
  const goodBody = { body: good.body };
  const params = paramsArb(op, good.params);
  const query = queryArb(op, good.query);
  const body = op.body ? bodyArb(op, good) : fc.constant(goodBody);
  const oddBody = fc.tuple(fc.constant(good.params), fc.constant<Partial<Call>>(goodQuery), body);
  return fc
    .oneof(
      { weight: op.body ? 4 : 0, arbitrary: oddBody },
      {
        weight: 2,
        arbitrary: fc.tuple(params, fc.constant<Partial<Call>>(goodQuery), fc.constant(goodBody)),
      },
      { weight: 2, arbitrary: fc.tuple(fc.constant(good.params), query, fc.constant(goodBody)) },
      { weight: 1, arbitrary: fc.tuple(params, query, body) },
    )
    .map(([p, q, b]): Call => ({ ...good, params: p, ...q, ...b }));
}

/** The property, for one response. */
async function checkResponse(op: Operation, response: Response): Promise<void> {
  const text = await response.text();
  const where = `${opName(op)} → ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, where).toBeLessThan(500);
  const type = response.headers.get('content-type')?.split(';')[0];
  if (response.status >= 400) {
    expect(type, where).toBe('application/json');
    const body = errorBodySchema.parse(JSON.parse(text));
    expect(body.error.message.length, where).toBeGreaterThan(0);
    return;
  }
  expect(response.status, where).toBe(op.success.status);
  // a redirect stays on this site, whatever the query said
  if (op.success.redirect) {
    expect(response.headers.get('location'), where).toMatch(/^\/(?![/\\])/);
    return;
  }
  if (response.status === 204) return;
  if (type === 'application/json') {
    const parsed = op.success.schema?.safeParse(JSON.parse(text));
    expect(parsed?.error?.issues ?? [], where).toEqual([]);
  } else {
    expect((op.success.files ?? []).map(mediaTypeOf), where).toContain(type);
  }
}

/** Runs per route: routes that plan a week cost ~0.5 s a call with a valid body. */
const RUNS: Record<string, number> = {
  'POST /api/plans': 40,
  'POST /api/plans/{id}/regenerate': 40,
  'POST /api/plans/{id}/meals/{mealId}/swap': 60,
  'GET /api/plans/{id}/meals/{mealId}/alternatives': 60,
  'GET /api/plans/{id}/export': 60,
  'GET /api/plans/{id}/nutrition': 60,
};
const DEFAULT_RUNS = 100;

/** Writes that change the fixture's profile or remove things go last, so reads see it whole. */
const LAST = [
  'PATCH /api/profiles/{id}',
  'DELETE /api/profiles/{id}',
  // odd ids may name the tests' own token: revoking it must not starve the other routes
  'DELETE /api/account/tokens/{id}',
];
const ordered = [
  ...apiOperations().filter((op) => !LAST.includes(opName(op))),
  ...LAST.flatMap((name) => apiOperations().filter((op) => opName(op) === name)),
];

describe('fuzzing every operation of the OpenAPI document', () => {
  it.each(ordered.map((op) => [opName(op), op] as const))(
    '%s: no 5xx, 4xx with the error body, 2xx as documented',
    async (name, op) => {
      await fc.assert(
        fc.asyncProperty(callArb(op), async (call) => {
          await checkResponse(op, await callOperation(op, call));
        }),
        { numRuns: RUNS[name] ?? DEFAULT_RUNS, seed: 15, endOnFailure: true },
      );
    },
  );
});
