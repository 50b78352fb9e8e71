import { createHash, randomBytes } from 'node:crypto';

/** API tokens and invite tokens: random, shown once; only their SHA-256 is stored. */
export const TOKEN_PREFIX = 'villi_';

export function newToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The first characters, kept so a person can tell their tokens apart. */
export function tokenPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerOf(headers: Headers): string | null {
  const m = /^bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  return m?.[1] ?? null;
}
