import { viaLibrary } from '@/app/_server/auth/library-errors';
import { isSecureRequest } from '@/app/_server/auth/request';
import { signUp } from '@/app/_server/use-cases/accounts';
import { getDb } from '@/db/client';
import { handle, parseJsonBody } from '@/lib/http/parse';
import { signUpSchema } from '@/lib/validation/accounts';

export const dynamic = 'force-dynamic';

/** Public: the first account, an invited one, or any when VILLI_OPEN_SIGNUP=true. Signs in. */
export const POST = handle(async (request: Request) => {
  const input = await parseJsonBody(request, signUpSchema);
  const made = await viaLibrary(() =>
    signUp(getDb(), input, { headers: request.headers, secure: isSecureRequest(request) }),
  );
  const response = Response.json(
    { userId: made.userId, householdId: made.householdId },
    { status: 201 },
  );
  for (const cookie of made.headers.getSetCookie()) response.headers.append('Set-Cookie', cookie);
  return response;
});
