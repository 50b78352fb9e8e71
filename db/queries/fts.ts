/**
 * Turns free text into an FTS5 query: every word must match as a prefix ("appl" finds "Apples").
 * Quotes keep user text from being read as FTS5 syntax.
 */
export function toFtsQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}
