import { authFor } from '@/app/_server/auth/auth';
import { viaLibrary } from '@/app/_server/auth/library-errors';
import { isSecureRequest } from '@/app/_server/auth/request';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/http/app-error';
import { parseJsonBody } from '@/lib/http/parse';
import { changePasswordSchema } from '@/lib/validation/accounts';

export const dynamic = 'force-dynamic';

/** Needs the signed-in browser (the library checks the current password against its session). */
export const POST = authed(async (request: Request, _context, caller) => {
  const body = await parseJsonBody(request, changePasswordSchema);
  if (caller.via !== 'session')
    throw AppError.forbidden(
      'session_required',
      'Change a password while signed in, not with an API token.',
    );
  const auth = await authFor(getDb(), isSecureRequest(request));
  const out = await viaLibrary(() =>
    auth.api.changePassword({ body, headers: request.headers, returnHeaders: true }),
  );
  const response = Response.json({ ok: true });
  for (const cookie of out.headers.getSetCookie()) response.headers.append('Set-Cookie', cookie);
  return response;
});
