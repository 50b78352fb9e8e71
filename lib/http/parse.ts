import type { z } from 'zod';
import { AppError, errorResponse } from './app-error';
import { checkApiRequest, checkMediaType, type DoorsEnv, readBoundedText } from './doors';

/**
 * Parses a JSON body with a schema. The body must be sent as JSON and is read at most
 * MAX_BODY_BYTES (413 beyond); a missing or malformed body is a 400 naming the problem.
 */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.output<S>> {
  const mediaType = checkMediaType(request.headers);
  if (mediaType) throw mediaType;
  const text = await readBoundedText(request);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw AppError.invalid('body', 'the request body must be valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw AppError.badRequest(parsed.error, 'request body');
  return parsed.data;
}

/** Names every object inherits: as a query key or value they could reach a prototype. */
const INHERITED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Decodes one query component as a form would ("+" is a space); null when malformed. */
function decodeComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * Parses query parameters; repeated keys become arrays. Malformed percent-encoding and keys or
 * values that name Object.prototype's own properties (`__proto__`, `constructor`) are a 400
 * naming the parameter; the raw values live in a prototype-free object.
 */
export function parseQuery<S extends z.ZodType>(url: string | URL, schema: S): z.output<S> {
  const search = new URL(url).search.replace(/^\?/, '');
  const raw: Record<string, string | string[]> = Object.create(null);
  for (const pair of search === '' ? [] : search.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const key = decodeComponent(rawKey);
    const value = decodeComponent(eq < 0 ? '' : pair.slice(eq + 1));
    const name = key ?? rawKey.slice(0, 40);
    if (key === null || value === null) {
      throw AppError.invalid(name, 'malformed percent-encoding');
    }
    if (INHERITED_NAMES.has(key) || INHERITED_NAMES.has(value)) {
      throw AppError.invalid(key, `"${INHERITED_NAMES.has(key) ? key : value}" is not allowed`);
    }
    const before = raw[key];
    raw[key] =
      before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw AppError.badRequest(parsed.error, 'query', 1);
  return parsed.data;
}

/** Route handler wrapper: the doors first, then any thrown error becomes the one JSON error body. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response> | Response) {
  return async (...args: A): Promise<Response> => {
    try {
      const request = args[0];
      if (request instanceof Request) {
        const refused = checkApiRequest(request, process.env as DoorsEnv);
        if (refused) throw refused;
      }
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Parses one path parameter; a bad value is a 400 naming the parameter. */
export function parsePathParam<S extends z.ZodType>(
  field: string,
  schema: S,
  value: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw AppError.invalid(field, parsed.error.issues[0]?.message ?? 'invalid value');
  return parsed.data;
}
