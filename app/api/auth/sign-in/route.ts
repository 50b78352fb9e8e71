import { authFor } from '@/app/_server/auth/auth';
import { viaLibrary } from '@/app/_server/auth/library-errors';
import { isSecureRequest } from '@/app/_server/auth/request';
import { getDb } from '@/db/client';
import { handle, parseJsonBody } from '@/lib/http/parse';
import { signInSchema } from '@/lib/validation/accounts';

export const dynamic = 'force-dynamic';

/** Public: email and password; sets the HttpOnly session cookie. */
export const POST = handle(async (request: Request) => {
  const body = await parseJsonBody(request, signInSchema);
  const auth = await authFor(getDb(), isSecureRequest(request));
  const made = await viaLibrary(() =>
    auth.api.signInEmail({ body, headers: request.headers, returnHeaders: true }),
  );
  const response = Response.json({ userId: made.response.user.id });
  for (const cookie of made.headers.getSetCookie()) response.headers.append('Set-Cookie', cookie);
  return response;
});
