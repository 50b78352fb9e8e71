/** USDA description parts that say nothing a shopper needs. */
const NOISE = new Set([
  'raw',
  'fresh',
  'unprepared',
  'all commercial varieties',
  'all varieties',
  'all areas',
  'all types',
  'meat only',
  'broilers or fryers',
  'salad or cooking',
  'year round average',
  'includes skin',
  'with skin',
  'flesh and skin',
  'mature seeds',
  'nfs',
  'not further specified',
  'regular',
]);

/** Leading category words USDA files foods under ("Spices, pepper, black"). */
const CATEGORY = new Set([
  'spices',
  'nuts',
  'seeds',
  'fish',
  'beverages',
  'alcoholic beverage',
  'cereals',
  'babyfood',
  'snacks',
  'candies',
  'leavening agents',
  'sweeteners',
  'sugars',
]);

/** Cuts that follow the animal in English ("chicken thigh", not "thigh chicken"). */
const CUTS = new Set([
  'thigh',
  'breast',
  'drumstick',
  'wing',
  'leg',
  'back',
  'neck',
  'liver',
  'heart',
  'gizzard',
  'giblets',
  'loin',
  'shoulder',
  'tenderloin',
  'chop',
  'rib',
  'brisket',
  'flank',
  'shank',
  'steak',
  'roast',
  'fillet',
  'cutlet',
]);

function isCut(part: string): boolean {
  const last = part.toLowerCase().split(/\s+/).pop() ?? '';
  return CUTS.has(last) || CUTS.has(last.replace(/s$/, ''));
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0);
}

/** Keeps a one- or two-word aside such as "(cilantro)"; drops long explanations. */
function dropLongParentheticals(part: string): string {
  return part
    .replace(/\s*\(([^()]*)\)/g, (group, inner: string) =>
      inner.trim().split(/\s+/).length <= 2 && !/\d/.test(inner) ? group : '',
    )
    .trim();
}

function lowerFirst(word: string): string {
  if (/^[A-Z0-9]{2,}\b/.test(word)) return word;
  return word.charAt(0).toLowerCase() + word.slice(1);
}

/** A short qualifier reads well before the noun ("olive oil"); a long one goes after a comma. */
function isShortQualifier(part: string): boolean {
  const words = part.split(/\s+/).filter((w) => w !== 'or');
  return (
    words.length <= 2 &&
    !/[\d%/]/.test(part) &&
    !/^(?:with|without|in|packed)\b|\b(?:only|separable|trimmed)\b/i.test(part)
  );
}

/**
 * A readable, lower-case name from a USDA long description:
 * "Oil, olive, salad or cooking" → "olive oil"; "Sweet potato, raw, unprepared" → "sweet potato";
 * "Chicken, broilers or fryers, thigh, meat only, raw" → "chicken thigh".
 */
export function shortFoodName(longDesc: string): string {
  let parts = splitTopLevel(longDesc)
    .map(dropLongParentheticals)
    .filter((p) => p.length > 0 && !NOISE.has(p.toLowerCase()) && !/^includes\b/i.test(p));
  if (parts.length > 1 && CATEGORY.has((parts[0] ?? '').toLowerCase())) parts = parts.slice(1);
  const [headRaw, ...rest] = parts;
  if (headRaw === undefined) return longDesc.trim();
  let head = lowerFirst(headRaw);
  const before: string[] = [];
  const after: string[] = [];
  for (const part of rest) {
    if (isCut(part) && part.split(/\s+/).length <= 2) head = `${head} ${part.toLowerCase()}`;
    else if (after.length === 0 && before.length < 2 && isShortQualifier(part)) before.push(part);
    else after.push(part);
  }
  const name = [...before.reverse(), head].join(' ');
  return [name, ...after].join(', ');
}
