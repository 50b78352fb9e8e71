import { beforeAll, describe, expect, it } from 'vitest';
import { apiOperations, mediaTypeOf } from '@/lib/openapi/document';
import { callOperation, type Fixture, goodCall, makeFixture, opName } from '../support/api-routes';
import { useFreshDatabase } from '../support/db';

let fixture: Fixture;

beforeAll(async () => {
  await useFreshDatabase();
  fixture = await makeFixture();
});

const mediaType = (response: Response) => response.headers.get('content-type')?.split(';')[0];

describe('every route answers a real call with the success its OpenAPI operation documents', () => {
  // In document order: the journal entry a POST makes is the one the DELETE removes.
  it.each(apiOperations().map((op) => [opName(op), op] as const))('%s', async (_name, op) => {
    const response = await callOperation(op, goodCall(op, fixture));
    const text = await response.text();
    expect(response.status, text).toBe(op.success.status);
    if (op.success.redirect) {
      expect(response.headers.get('location')).toMatch(/^\/(?![/\\])/);
      return;
    }
    if (op.success.status === 204) {
      expect(text).toBe('');
      return;
    }
    expect(mediaType(response)).toBe('application/json');
    const parsed = op.success.schema?.safeParse(JSON.parse(text));
    expect(parsed?.error?.issues ?? [], opName(op)).toEqual([]);
  });

  it.each(
    apiOperations()
      .filter((op) => op.success.files)
      .flatMap((op) => (op.success.files ?? []).map((ext) => [opName(op), ext, op] as const)),
  )('%s as a %s download', async (_name, ext, op) => {
    const call = goodCall(op, fixture);
    const response = await callOperation(op, { ...call, query: [['format', ext]] });
    expect(response.status).toBe(200);
    expect(mediaType(response)).toBe(mediaTypeOf(ext));
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="villi-/);
    expect((await response.text()).length).toBeGreaterThan(50);
  });
});
