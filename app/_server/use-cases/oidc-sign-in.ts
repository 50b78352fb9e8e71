import { authFor } from '@/app/_server/auth/auth';
import { viaLibrary } from '@/app/_server/auth/library-errors';
import {
  OIDC_INVITE_COOKIE,
  OIDC_INVITE_MAX_AGE_S,
  type OidcEnv,
  oidcConfigOf,
} from '@/app/_server/auth/oidc';
import { assertOpenInvite, withPlacement } from '@/app/_server/auth/placement';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/http/app-error';

/** Where the browser lands: the app once signed in, the sign-in page (with ?error=) otherwise. */
const SIGNED_IN_PATH = '/';
export const OIDC_ERROR_PATH = '/sign-in';

type BrowserRequest = { headers: Headers; secure: boolean };

function inviteCookie(value: string, maxAgeS: number, secure: boolean): string {
  // sent back only to the callback
  return `${OIDC_INVITE_COOKIE}=${encodeURIComponent(value)}; Path=/api/auth/callback; Max-Age=${maxAgeS}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The value of one cookie of a Cookie header, or undefined. */
export function cookieValue(headers: Headers, name: string): string | undefined {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Begins an OpenID Connect sign-in: the provider's authorization URL for the browser to go to,
 * and the cookies that bind the answer to this browser (the library's state; the invite, when
 * the person joins a household by one). An invite that cannot be used is refused here already.
 */
export async function startOidcSignIn(
  db: Db,
  input: { invite?: string },
  request: BrowserRequest,
  env: OidcEnv = process.env,
): Promise<{ url: string; setCookies: string[] }> {
  if (!oidcConfigOf(env))
    throw new AppError('not_found', 'oidc_off', 'Single sign-on is not set up on this server.');
  if (input.invite !== undefined)
    await assertOpenInvite(db, input.invite, new Date().toISOString());
  const auth = await authFor(db, request.secure);
  const started = await viaLibrary(() =>
    auth.api.signInSocial({
      body: {
        provider: 'oidc',
        callbackURL: SIGNED_IN_PATH,
        newUserCallbackURL: SIGNED_IN_PATH,
        errorCallbackURL: OIDC_ERROR_PATH,
      },
      headers: request.headers,
      returnHeaders: true,
    }),
  ).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    // the provider could not be reached (its discovery document is read on first use)
    throw new AppError(
      'unavailable',
      'oidc_unavailable',
      'The single sign-on provider cannot be reached; try again later.',
      undefined,
      undefined,
      { cause: error, retryAfterS: 30 },
    );
  });
  const url = started.response.url;
  if (!url) throw new Error('the library gave no authorization URL');
  const setCookies = [...started.headers.getSetCookie()];
  setCookies.push(
    inviteCookie(input.invite ?? '', input.invite ? OIDC_INVITE_MAX_AGE_S : 0, request.secure),
  );
  return { url, setCookies };
}

/** A Location on this site only: a path, never another origin (`//host`, `/\host`). */
function sameSitePath(location: string | null): string {
  if (!location) return `${OIDC_ERROR_PATH}?error=oidc_failed`;
  const url = new URL(location, 'http://villi.invalid');
  const path = `${url.pathname}${url.search}`;
  const ownOrigin = location.startsWith('/') || url.origin !== 'http://villi.invalid';
  return ownOrigin && !/^\/[/\\]/.test(path) ? path : `${OIDC_ERROR_PATH}?error=oidc_failed`;
}

/**
 * The provider's answer: the library checks the state against this browser's cookie, trades
 * the code for tokens, verifies the ID token and signs the person in; a new person's account is
 * placed in a household in the same transaction (first account, invite, or open sign-up) or
 * not made at all. Always a redirect: to the app, or to the sign-in page naming the error.
 */
export async function finishOidcSignIn(
  db: Db,
  query: Record<string, string | undefined>,
  request: BrowserRequest,
  env: OidcEnv = process.env,
): Promise<{ location: string; setCookies: string[] }> {
  const cleared = inviteCookie('', 0, request.secure);
  if (!oidcConfigOf(env))
    return { location: `${OIDC_ERROR_PATH}?error=oidc_off`, setCookies: [cleared] };
  const auth = await authFor(db, request.secure);
  const invite = cookieValue(request.headers, OIDC_INVITE_COOKIE) || undefined;
  const answered = await withPlacement({ invite }, () =>
    auth.api.callbackOAuth({
      params: { id: 'oidc' },
      query,
      headers: request.headers,
      asResponse: true,
    }),
  );
  return {
    location: sameSitePath(answered.headers.get('location')),
    setCookies: [...answered.headers.getSetCookie(), cleared],
  };
}
