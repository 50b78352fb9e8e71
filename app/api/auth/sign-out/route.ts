import { authFor } from '@/app/_server/auth/auth';
import { viaLibrary } from '@/app/_server/auth/library-errors';
import { isSecureRequest } from '@/app/_server/auth/request';
import { getDb } from '@/db/client';
import { handle } from '@/lib/http/parse';

export const dynamic = 'force-dynamic';

/** Public: ends this browser's session (if any) and clears its cookie. */
export const POST = handle(async (request: Request) => {
  const auth = await authFor(getDb(), isSecureRequest(request));
  const response = new Response(null, { status: 204 });
  if (!request.headers.has('cookie')) return response;
  const out = await viaLibrary(() =>
    auth.api.signOut({ headers: request.headers, returnHeaders: true }),
  );
  for (const cookie of out.headers.getSetCookie()) response.headers.append('Set-Cookie', cookie);
  return response;
});
