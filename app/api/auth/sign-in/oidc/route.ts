import { isSecureRequest } from '@/app/_server/auth/request';
import { startOidcSignIn } from '@/app/_server/use-cases/oidc-sign-in';
import { getDb } from '@/db/client';
import { handle, parseJsonBody } from '@/lib/http/parse';
import { oidcStartSchema } from '@/lib/validation/accounts';

export const dynamic = 'force-dynamic';

/**
 * Public: begins an OpenID Connect sign-in. A same-origin JSON write (the doors' rules), so
 * another site cannot start one with an invite of its own; the page then sends the browser to
 * `url`.
 */
export const POST = handle(async (request: Request) => {
  const input = await parseJsonBody(request, oidcStartSchema);
  const started = await startOidcSignIn(getDb(), input, {
    headers: request.headers,
    secure: isSecureRequest(request),
  });
  const response = Response.json({ url: started.url });
  for (const cookie of started.setCookies) response.headers.append('Set-Cookie', cookie);
  return response;
});
