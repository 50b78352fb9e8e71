/** Words that look plural or singular but are neither (or never change). */
const INVARIANT = new Set([
  'asparagus',
  'citrus',
  'couscous',
  'hummus',
  'molasses',
  'swiss',
  'kale',
  'spinach',
  'garlic',
  'rice',
  'fish',
  'salmon',
  'cod',
  'tuna',
  'shrimp',
  'celery',
  'broccoli',
  'lettuce',
  'quinoa',
  'chard',
  'dozen',
]);

const IRREGULAR_PLURAL: Record<string, string> = {
  loaf: 'loaves',
  leaf: 'leaves',
  half: 'halves',
  chili: 'chilies',
};
const O_ES = new Set(['potato', 'tomato', 'mango']);

function isPluralAlready(word: string): boolean {
  return /[^su]s$/.test(word) || /(?:ches|shes|sses|xes|oes|ies|ves)$/.test(word);
}

/** English plural of one lower-case word; leaves plurals and mass nouns alone. */
export function pluralizeWord(word: string): string {
  const lower = word.toLowerCase();
  if (INVARIANT.has(lower) || isPluralAlready(lower)) return word;
  const irregular = IRREGULAR_PLURAL[lower];
  if (irregular) return irregular;
  if (O_ES.has(lower)) return `${word}es`;
  if (/(?:s|x|z|ch|sh)$/.test(lower)) return `${word}es`;
  if (/[^aeiou]y$/.test(lower)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** English singular of one lower-case word; leaves singulars and mass nouns alone. */
export function singularizeWord(word: string): string {
  const lower = word.toLowerCase();
  if (INVARIANT.has(lower)) return word;
  const irregular = Object.entries(IRREGULAR_PLURAL).find(([, plural]) => plural === lower);
  if (irregular) return irregular[0];
  if (/[^aeiou]ies$/.test(lower)) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes)$/.test(lower)) return word.slice(0, -2);
  if (/oes$/.test(lower) && O_ES.has(lower.slice(0, -2))) return word.slice(0, -2);
  if (/[^su]s$/.test(lower)) return word.slice(0, -1);
  return word;
}

/**
 * Applies `fn` to the last word before the first comma or bracket: "ripe red tomatoes, canned",
 * "chickpeas (cooked or canned)".
 */
export function inflectHead(name: string, fn: (word: string) => string): string {
  const comma = name.search(/,| \(/);
  const head = comma === -1 ? name : name.slice(0, comma);
  const tail = comma === -1 ? '' : name.slice(comma);
  const match = /^(.*?)([A-Za-z-]+)(\W*)$/.exec(head);
  if (!match) return name;
  const [, before = '', word = '', after = ''] = match;
  return `${before}${fn(word)}${after}${tail}`;
}
