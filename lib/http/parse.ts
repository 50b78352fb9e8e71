import type { z } from 'zod';
import { AppError, errorResponse } from './app-error';

/** Parses a JSON body with a schema; a missing or malformed body is a 400 naming the problem. */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.output<S>> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw AppError.invalid('body', 'the request body must be valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw AppError.badRequest(parsed.error, 'request body');
  return parsed.data;
}

/** Parses query parameters; repeated keys become arrays. */
export function parseQuery<S extends z.ZodType>(url: string | URL, schema: S): z.output<S> {
  const params = new URL(url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    raw[key] = all.length > 1 ? all : (all[0] as string);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw AppError.badRequest(parsed.error, 'query', 1);
  return parsed.data;
}

/** Route handler wrapper: any thrown error becomes the one JSON error body. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response> | Response) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      const response = errorResponse(error);
      if (error instanceof AppError && error.retryAfterS !== undefined) {
        response.headers.set('Retry-After', String(error.retryAfterS));
      }
      return response;
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
