import type { Auth } from './auth';

/** Set-Cookie values that make the browser forget the library's session cookies. */
export async function clearedSessionCookies(auth: Auth, secure: boolean): Promise<string[]> {
  const { authCookies } = await auth.$context;
  return [authCookies.sessionToken, authCookies.sessionData, authCookies.dontRememberToken].map(
    ({ name }) => `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`,
  );
}
