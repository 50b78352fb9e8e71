import { authFor } from '@/app/_server/auth/auth';
import { viaLibrary } from '@/app/_server/auth/library-errors';
import { checkLimit, countAttempt, SIGN_IN_FAILURES } from '@/app/_server/auth/rate-limit';
import { isSecureRequest } from '@/app/_server/auth/request';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/http/app-error';
import { handle, parseJsonBody } from '@/lib/http/parse';
import { signInSchema } from '@/lib/validation/accounts';

export const dynamic = 'force-dynamic';

/** Public: email and password; sets the HttpOnly session cookie. */
export const POST = handle(async (request: Request) => {
  const body = await parseJsonBody(request, signInSchema);
  // failed attempts per address: a guesser is slowed down, the right password too meanwhile
  const key = `sign-in:${body.email}`;
  const db = getDb();
  await checkLimit(db, key, SIGN_IN_FAILURES);
  const auth = await authFor(db, isSecureRequest(request));
  const made = await viaLibrary(() =>
    auth.api.signInEmail({ body, headers: request.headers, returnHeaders: true }),
  ).catch(async (error: unknown) => {
    if (error instanceof AppError && error.kind === 'unauthorized')
      await countAttempt(db, key, SIGN_IN_FAILURES);
    throw error;
  });
  const response = Response.json({ userId: made.response.user.id });
  for (const cookie of made.headers.getSetCookie()) response.headers.append('Set-Cookie', cookie);
  return response;
});
