/**
 * Conditional writes (RFC 9110): a resource's version travels as a strong ETag, `"<version>"`,
 * and a write may name the version it was made against in If-Match.
 */
export type IfMatch = { any: true } | { any: false; versions: readonly number[] };

/** No If-Match (or `*`): the write applies to whatever version is latest. */
export const ANY_VERSION: IfMatch = { any: true };

/** The strong entity tag of a version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The If-Match header: absent or `*` applies the write to the latest version; otherwise the
 * strong tags it lists. A weak (`W/`) or malformed tag never matches, as the RFC's strong
 * comparison requires.
 */
export function ifMatchOf(request: Request): IfMatch {
  const header = request.headers.get('if-match')?.trim();
  if (!header || header === '*') return ANY_VERSION;
  const versions = header
    .split(',')
    .map((tag) => /^"(\d+)"$/.exec(tag.trim())?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number);
  return { any: false, versions };
}

export function matchesVersion(ifMatch: IfMatch, version: number): boolean {
  return ifMatch.any || ifMatch.versions.includes(version);
}
