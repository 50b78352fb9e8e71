import { type Caller, requireCaller } from '@/app/_server/auth/caller';
import { getDb } from '@/db/client';
import { handle } from '@/lib/http/parse';

/**
 * Route handler wrapper for every API route but the public ones: the doors (`handle`), then
 * the caller from the session cookie or bearer token (401 without one), passed to the handler.
 */
export function authed<C = void>(
  fn: (request: Request, context: C, caller: Caller) => Promise<Response> | Response,
) {
  return handle(async (request: Request, context: C) =>
    fn(request, context, await requireCaller(getDb(), request)),
  );
}
