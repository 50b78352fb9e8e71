/** OpenID Connect sign-in, configured by environment (README: Accounts). */
export type OidcConfig = {
  providerId: 'oidc';
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  /** The person's email and name come in the ID token or userinfo only when asked for. */
  scopes: string[];
};

/** Reads VILLI_OIDC_ISSUER, VILLI_OIDC_CLIENT_ID and VILLI_OIDC_CLIENT_SECRET. */
export type OidcEnv = Record<string, string | undefined>;

/** The provider when all three variables are set, else null (OIDC sign-in is off). */
export function oidcConfigOf(env: OidcEnv): OidcConfig | null {
  const issuer = env.VILLI_OIDC_ISSUER?.trim();
  const clientId = env.VILLI_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.VILLI_OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    providerId: 'oidc',
    discoveryUrl: `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    scopes: ['openid', 'email', 'profile'],
  };
}

/** The sign-in button's words: "Sign in with <VILLI_OIDC_NAME>", or "single sign-on". */
export function oidcButtonName(env: OidcEnv): string {
  return env.VILLI_OIDC_NAME?.trim().slice(0, 60) || 'single sign-on';
}

/** Where a new OIDC account's invite waits for the callback: HttpOnly, for 10 minutes. */
export const OIDC_INVITE_COOKIE = 'villi.oidc_invite';
export const OIDC_INVITE_MAX_AGE_S = 600;
/** The provider sends the browser back here (register it with the provider). */
export const OIDC_CALLBACK_PATH = '/api/auth/callback/oidc';
