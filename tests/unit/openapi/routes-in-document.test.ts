import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiOperations, buildOpenApiDocument, errorStatuses } from '@/lib/openapi/document';

const ROOT = join(__dirname, '..', '..', '..');
const API = join(ROOT, 'app', 'api');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return routeFiles(path);
    return e.name === 'route.ts' ? [path] : [];
  });
}

/** app/api/plans/[id]/meals/[mealId]/swap/route.ts → /api/plans/{id}/meals/{mealId}/swap */
function openApiPath(file: string): string {
  const dirs = relative(join(ROOT, 'app'), file).split(sep).slice(0, -1);
  return `/${dirs.map((d) => d.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`;
}

/** The HTTP methods a route module exports (`export const GET`, `export function GET`, …). */
function exportedMethods(source: string): string[] {
  return METHODS.filter((m) =>
    new RegExp(`export\\s+(const|(async\\s+)?function)\\s+${m}\\b`).test(source),
  );
}

const fromFiles = routeFiles(API)
  .flatMap((file) =>
    exportedMethods(readFileSync(file, 'utf8')).map((m) => `${m} ${openApiPath(file)}`),
  )
  .sort();

describe('the OpenAPI document lists every route of app/api and nothing else', () => {
  it('finds the route files (the scan itself works)', () => {
    expect(fromFiles).toContain('POST /api/plans/{id}/meals/{mealId}/swap');
    expect(fromFiles).toContain('DELETE /api/profiles/{id}/pantry/{ndb}');
    expect(fromFiles.length).toBeGreaterThanOrEqual(30);
  });

  it('has each method of each route file, and no operation without one', () => {
    const documented = apiOperations()
      .map((op) => `${op.method.toUpperCase()} ${op.path}`)
      .sort();
    expect(documented).toEqual(fromFiles);
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const inDoc = Object.entries(doc.paths)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((k) => k !== 'description')
          .map((m) => `${m.toUpperCase()} ${path}`),
      )
      .sort();
    expect(inDoc).toEqual(fromFiles);
  });

  it('gives every operation a success schema, and every path parameter a pattern', () => {
    for (const op of apiOperations()) {
      const name = `${op.method.toUpperCase()} ${op.path}`;
      if (op.success.status !== 204 && !op.success.redirect)
        expect(op.success.schema, name).toBeDefined();
      const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(Object.keys(op.pathParams ?? {}).sort(), name).toEqual(inPath.sort());
    }
    const doc = buildOpenApiDocument() as {
      paths: Record<string, Record<string, { parameters?: { in: string; schema: object }[] }>>;
    };
    for (const item of Object.values(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (method === 'description') continue;
        for (const p of op.parameters?.filter((x) => x.in === 'path') ?? []) {
          expect(p.schema).toHaveProperty('pattern');
        }
      }
    }
  });

  it('documents the error body on every non-success status, 404 on each route with an id, 413 on each body', () => {
    for (const op of apiOperations()) {
      const statuses = errorStatuses(op);
      const name = `${op.method.toUpperCase()} ${op.path}`;
      if (op.pathParams) expect(statuses, name).toEqual(expect.arrayContaining([400, 404]));
      if (op.body) expect(statuses, name).toEqual(expect.arrayContaining([400, 403, 413]));
      if (op.method !== 'get') expect(statuses, name).toContain(403);
    }
  });

  it('names the media type of each download format the export routes answer with', () => {
    const doc = buildOpenApiDocument() as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
    };
    const media = (path: string) =>
      Object.keys(doc.paths[path]?.get?.responses['200']?.content ?? {}).sort();
    expect(media('/api/plans/{id}/export')).toEqual([
      'application/json',
      'text/calendar',
      'text/markdown',
    ]);
    expect(media('/api/plans/{id}/shopping-list')).toEqual([
      'application/json',
      'text/csv',
      'text/markdown',
      'text/plain',
    ]);
  });
});
