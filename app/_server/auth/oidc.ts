/** OpenID Connect sign-in, configured by environment (README: Accounts). */
export type OidcConfig = {
  providerId: 'oidc';
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
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
  };
}
