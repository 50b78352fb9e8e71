import { apiOperations } from '../openapi/document';

/**
 * Which methods each path answers, derived from the OpenAPI document (the one list of the API's
 * routes and methods), so a new route is covered without anyone remembering this table.
 */

export type RouteKind = 'api' | 'page';
export type RouteEntry = { template: string; kind: RouteKind; methods: readonly string[] };

/** Paths under /api that the document does not describe: the page that shows it. */
const UNDOCUMENTED: readonly RouteEntry[] = [
  { template: '/api/docs', kind: 'page', methods: ['GET'] },
];

/** Pages answer reads only: the app has no server actions. */
export const PAGE_METHODS: readonly string[] = ['GET', 'HEAD'];

/** The Allow list of a route: its methods, HEAD with GET, and OPTIONS (which Next answers). */
export function allowOf(entry: RouteEntry): string[] {
  if (entry.kind === 'page') return [...PAGE_METHODS];
  const methods = new Set(entry.methods);
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  return [...methods];
}

/** The documented routes (and the few undocumented ones), merged per path. */
export function routeEntries(
  operations: readonly { method: string; path: string }[] = apiOperations(),
): RouteEntry[] {
  const byPath = new Map<string, RouteEntry>();
  const add = (e: RouteEntry) => {
    const before = byPath.get(e.template);
    const methods = [...new Set([...(before?.methods ?? []), ...e.methods])];
    byPath.set(e.template, { ...e, kind: before?.kind ?? e.kind, methods });
  };
  for (const op of operations) {
    add({ template: op.path, kind: 'api', methods: [op.method.toUpperCase()] });
  }
  for (const e of UNDOCUMENTED) if (!byPath.has(e.template)) add(e);
  return [...byPath.values()];
}

let cached: RouteEntry[] | null = null;
function entries(): RouteEntry[] {
  cached ??= routeEntries();
  return cached;
}

/** How well a template fits a path: null when it does not, else its count of literal segments. */
function literalFit(template: string, segments: readonly string[]): number | null {
  const parts = template.split('/').filter(Boolean);
  if (parts.length !== segments.length) return null;
  let literals = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string;
    if (/^\{.+\}$/.test(p)) continue;
    if (p !== segments[i]) return null;
    literals++;
  }
  return literals;
}

/** The route a path belongs to (the most literal match), or null when there is none. */
export function routeOf(
  pathname: string,
  table: readonly RouteEntry[] = entries(),
): RouteEntry | null {
  const segments = pathname.split('/').filter(Boolean);
  let best: { entry: RouteEntry; literals: number } | null = null;
  for (const entry of table) {
    const literals = literalFit(entry.template, segments);
    if (literals !== null && (best === null || literals > best.literals))
      best = { entry, literals };
  }
  return best?.entry ?? null;
}
