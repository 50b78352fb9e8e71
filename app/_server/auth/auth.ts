import { randomBytes } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { genericOAuth } from 'better-auth/plugins';
import type { Db } from '@/db/client';
import { keptSecret } from '@/db/queries/accounts';
import { oidcConfigOf } from './oidc';
import { libraryOrm, placeBeforeFirstSignInMethod } from './placement';

/** Sessions last 30 days and are extended once a day while used. */
const SESSION_DAYS = 30;

/**
 * The session signing secret: BETTER_AUTH_SECRET or VILLI_AUTH_SECRET, else one made on first use
 * and kept in the database, so a fresh install needs no setup and restarts keep sessions valid.
 */
export async function authSecret(db: Db, env: Env = process.env): Promise<string> {
  const fromEnv = env.BETTER_AUTH_SECRET?.trim() || env.VILLI_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  return keptSecret(
    db,
    'auth_secret',
    () => randomBytes(32).toString('base64url'),
    new Date().toISOString(),
  );
}

type Env = Record<string, string | undefined>;

function buildAuth(db: Db, secret: string, secure: boolean, env: Env) {
  const oidc = oidcConfigOf(env);
  return betterAuth({
    appName: 'Villi',
    secret,
    // The host was checked against VILLI_ALLOWED_HOSTS at the door (lib/http/doors.ts).
    baseURL: env.VILLI_BASE_URL?.trim() || {
      allowedHosts: ['*'],
      protocol: secure ? 'https' : 'http',
      fallback: `${secure ? 'https' : 'http'}://localhost`,
    },
    // The library's transactions are the app's own, so a user, its sign-in method and its
    // household membership are written together or not at all (./placement.ts).
    database: drizzleAdapter(libraryOrm(db), {
      provider: db.engine === 'postgres' ? 'pg' : 'sqlite',
      transaction: true,
      schema: {
        user: db.t.users,
        session: db.t.authSessions,
        account: db.t.authAccounts,
        verification: db.t.authVerifications,
      },
    }),
    databaseHooks: {
      account: { create: { before: async (account) => placeBeforeFirstSignInMethod(account) } },
    },
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 256 },
    session: { expiresIn: SESSION_DAYS * 24 * 3600, updateAge: 24 * 3600 },
    advanced: {
      cookiePrefix: 'villi',
      // Secure cookies (and their __Secure- name) only when the request came over HTTPS.
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      // The doors already refuse cross-site writes that carry cookies (checkOrigin).
      disableCSRFCheck: true,
    },
    telemetry: { enabled: false },
    // an OIDC callback the library refuses (no state, wrong state) lands on the sign-in page
    onAPIError: { errorURL: '/sign-in' },
    plugins: oidc ? [genericOAuth({ config: [oidc] })] : [],
  });
}

export type Auth = ReturnType<typeof buildAuth>;

const instances = new WeakMap<object, Map<string, Promise<Auth>>>();

/**
 * The authentication library on this database, for plain HTTP (`secure` false) or HTTPS. Made
 * once per database handle: `env` is read the first time only.
 */
export function authFor(db: Db, secure: boolean, env: Env = process.env): Promise<Auth> {
  let byKind = instances.get(db.cacheKey);
  if (!byKind) {
    byKind = new Map();
    instances.set(db.cacheKey, byKind);
  }
  const key = secure ? 'https' : 'http';
  let auth = byKind.get(key);
  if (!auth) {
    auth = authSecret(db, env).then((secret) => buildAuth(db, secret, secure, env));
    byKind.set(key, auth);
    auth.catch(() => byKind.delete(key));
  }
  return auth;
}
