import { isSecureRequest } from '@/app/_server/auth/request';
import { finishOidcSignIn } from '@/app/_server/use-cases/oidc-sign-in';
import { getDb } from '@/db/client';
import { handle, parseQuery } from '@/lib/http/parse';
import { oidcCallbackQuerySchema } from '@/lib/validation/accounts';

export const dynamic = 'force-dynamic';

/**
 * Public: where the identity provider sends the browser back (the library's callback path for
 * the provider `oidc`). A GET by design; the state cookie set at the start is what binds it to
 * this browser. Answers a redirect to the app or to /sign-in?error=….
 */
export const GET = handle(async (request: Request) => {
  const parsed = parseQuery(request.url, oidcCallbackQuerySchema);
  const query = Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined));
  const done = await finishOidcSignIn(getDb(), query, {
    headers: request.headers,
    secure: isSecureRequest(request),
  });
  const response = new Response(null, { status: 302, headers: { Location: done.location } });
  for (const cookie of done.setCookies) response.headers.append('Set-Cookie', cookie);
  return response;
});
