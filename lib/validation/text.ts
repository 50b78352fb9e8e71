/**
 * Characters a name may not hold: control characters (C0, DEL, C1) and the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make a name
 * display as something else than what it is.
 */
const FORBIDDEN_IN_NAME = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** Whether a name is free of control characters and bidi overrides. */
export function isPlainName(s: string): boolean {
  return !FORBIDDEN_IN_NAME.test(s);
}

export const plainNameMessage = (field: string) =>
  `${field} may not contain control characters or bidirectional overrides`;
