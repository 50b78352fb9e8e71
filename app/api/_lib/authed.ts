import { type Caller, requireCaller } from '@/app/_server/auth/caller';
import { getDb } from '@/db/client';
import { readLabel } from '@/lib/clinician/read-label';
import { handle } from '@/lib/http/parse';

/**
 * Route handler wrapper for every API route but the public ones: the doors (`handle`), then
 * the caller from the session cookie or bearer token (401 without one), passed to the handler
 * with what the request reads (a clinician's reads are logged for the member).
 */
export function authed<C = void>(
  fn: (request: Request, context: C, caller: Caller) => Promise<Response> | Response,
) {
  return handle(async (request: Request, context: C) => {
    const caller = await requireCaller(getDb(), request);
    const reading = readLabel(new URL(request.url).pathname);
    return fn(request, context, { ...caller, reading });
  });
}
