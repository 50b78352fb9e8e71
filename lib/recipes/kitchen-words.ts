import { inflectHead, pluralizeWord, singularizeWord } from '../shopping/words';
import { formatDecimal } from '../units/format';
import { SIZE_WORDS } from '../units/measure-label';
import { formatAmount } from './resolve-quantity';

/** Measure words a cook measures with, as written in a line: USDA word → kitchen word. */
const UNITS: Record<string, string> = {
  tsp: 'tsp',
  teaspoon: 'tsp',
  tbsp: 'tbsp',
  tablespoon: 'tbsp',
  cup: 'cup',
  oz: 'oz',
  lb: 'lb',
  fl: 'fl oz',
  dash: 'dash',
  pinch: 'pinch',
  clove: 'clove',
  cloves: 'clove',
  sprig: 'sprig',
  sprigs: 'sprig',
  head: 'head',
  stalk: 'stalk',
  leaf: 'leaf',
  bunch: 'bunch',
  can: 'can',
  slice: 'slice',
  slices: 'slice',
  sheet: 'sheet',
  sheets: 'sheet',
  envelope: 'envelope',
  package: 'package',
  container: 'container',
  spear: 'spear',
  piece: 'piece',
};
/** Abbreviations that never take a plural. */
const NO_PLURAL = new Set(['tsp', 'tbsp', 'oz', 'lb', 'fl oz']);
/** Words in a USDA label that say how the food is cut, as a cook says it. */
const PREP: Record<string, string> = {
  chopped: 'chopped',
  shredded: 'shredded',
  sliced: 'sliced',
  slices: 'sliced',
  cubes: 'cubed',
  diced: 'diced',
  grated: 'grated',
  crumbled: 'crumbled',
  ground: 'ground',
  drained: 'drained',
  pureed: 'puréed',
  pitted: 'pitted',
  shelled: 'shelled',
  halves: 'halved',
  chunks: 'in chunks',
  whole: 'whole',
  arils: 'seeds only',
  pulp: 'pulp',
};

/** A recipe line in kitchen words, in parts so a page can style them. */
export type KitchenLine = {
  /** '1 medium', '2 cups', 'juice of 1', '130 g'. */
  quantity: string;
  /** The cook's name of the food, inflected for the count: 'sweet potato', 'lemons'. */
  name: string;
  /** '(130 g)', or '' when the quantity is already grams. */
  grams: string;
  /** ', cubed' or '' (the label's cut and the recipe's note). */
  after: string;
  text: string;
};

function words(part: string): string[] {
  return part
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .filter((_w, i, all) => !all.slice(0, i + 1).some((x) => /[\d"]/.test(x)))
    .filter((w) => /^[a-z-]+$/.test(w));
}

function withAfter(
  parts: Omit<KitchenLine, 'text' | 'after'>,
  prep: string[],
  note: string | null,
) {
  const extras = [...prep];
  // a note that repeats the name ("ghee, melted" after ghee) keeps only what it adds
  const own = note?.toLowerCase().startsWith(`${parts.name.toLowerCase()}, `)
    ? note.slice(parts.name.length + 2)
    : note;
  const fresh = own && own.toLowerCase() !== parts.name.toLowerCase() ? own : null;
  if (fresh && !extras.some((p) => fresh.includes(p))) extras.push(fresh);
  else if (fresh) extras.splice(0, extras.length, fresh);
  const after = extras.length > 0 ? `, ${extras.join(', ')}` : '';
  const text = [parts.quantity, parts.name, parts.grams].filter((s) => s !== '').join(' ') + after;
  return { ...parts, after, text };
}

/**
 * An ingredient line as a cook reads it: "1 medium sweet potato (130 g), cubed",
 * "2 cups red cabbage (140 g), shredded", "juice of 2 lemons (94 g)", "130 g sweet potato".
 * `label` is the USDA household measure the recipe was written in, or null for grams;
 * `amount` is how many of it. Pure text work: the grams are the caller's.
 */
export function kitchenLine(input: {
  name: string;
  grams: number;
  amount: number | null;
  label: string | null;
  note: string | null;
}): KitchenLine {
  const { name, grams, amount, label, note } = input;
  const g = `(${grams < 1 ? formatDecimal(grams, 1) : Math.round(grams)} g)`;
  if (label === null || amount === null) {
    return withAfter({ quantity: `${Math.round(grams)} g`, name, grams: '' }, [], note);
  }
  const lower = label.trim().toLowerCase();
  const count = formatAmount(amount);
  const many = amount > 1.06;
  const juice = /^(\w+) yields$/.exec(lower)?.[1];
  if (juice) {
    const fruit = /^(\w+) juice$/.exec(name)?.[1] ?? name;
    const thing = juice === 'wedge' ? `${fruit} wedge` : fruit;
    return withAfter(
      { quantity: `juice of ${count}`, name: many ? pluralizeWord(thing) : thing, grams: g },
      [],
      note,
    );
  }
  const [first = '', ...rest] = lower.replace(/\([^()]*\)/g, ' ').split(',');
  const tokens = words(first);
  const size = SIZE_WORDS.find((s) => tokens.join(' ').includes(s)) ?? null;
  const prepWords = [...tokens.slice(1), ...rest.flatMap((p) => words(p))];
  const prep = [
    ...new Set(prepWords.map((w) => PREP[w]).filter((p): p is string => p !== undefined)),
  ].filter((p) => !name.includes(p));
  const sized = size ? ` ${size}` : '';
  const unit = UNITS[tokens[0] ?? ''];
  if (unit === undefined) {
    // the measure counts the food itself: '1 medium', 'sweetpotato, 5" long', 'pita, large'
    const counted = inflectHead(name, many ? pluralizeWord : singularizeWord);
    return withAfter({ quantity: `${count}${sized}`, name: counted, grams: g }, prep, note);
  }
  const units = many && !NO_PLURAL.has(unit) ? pluralizeWord(unit) : unit;
  // "cup cherry tomatoes": the label names the kind of the food
  const kind = tokens.slice(1).join(' ');
  const head = name.split(/[ ,]/).pop() ?? name;
  const shown = kind.endsWith(pluralizeWord(head)) && kind !== head ? kind : name;
  const quantity = `${count}${unit === 'leaf' || unit === 'stalk' ? sized : ''} ${units}`;
  // "1 can canned tuna" says canned twice; "1 lb (with shell)" weighs the shells too
  const canned = unit === 'can' ? shown.replace(/^canned /, '') : shown;
  const named = /\(with shell\)/.test(lower) ? `${canned} in the shell` : canned;
  return withAfter({ quantity, name: named, grams: g }, prep, note);
}
