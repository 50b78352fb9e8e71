import { authFor } from '@/app/_server/auth/auth';
import { clearedSessionCookies } from '@/app/_server/auth/clear-cookies';
import { isSecureRequest } from '@/app/_server/auth/request';
import { deleteAccount } from '@/app/_server/use-cases/account-privacy';
import { accountOf } from '@/app/_server/use-cases/accounts';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody } from '@/lib/http/parse';
import { deleteAccountSchema } from '@/lib/validation/account-privacy';

export const dynamic = 'force-dynamic';

export const GET = authed(async (_request: Request, _context, caller) =>
  Response.json(await accountOf(getDb(), caller)),
);

/** Deletes the account (password asked again) and clears this browser's session cookie. */
export const DELETE = authed(async (request: Request, _context, caller) => {
  const { password } = await parseJsonBody(request, deleteAccountSchema);
  const secure = isSecureRequest(request);
  await deleteAccount(getDb(), caller, password, secure);
  const response = new Response(null, { status: 204 });
  const auth = await authFor(getDb(), secure);
  for (const cookie of await clearedSessionCookies(auth, secure))
    response.headers.append('Set-Cookie', cookie);
  return response;
});
