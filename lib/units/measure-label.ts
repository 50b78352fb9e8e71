import type { VolumeUnit } from './constants';

export const SIZE_WORDS = [
  'extra small',
  'extra large',
  'small',
  'medium',
  'large',
  'jumbo',
] as const;
export type SizeWord = (typeof SIZE_WORDS)[number];

/** A USDA WEIGHT.txt label taken apart, e.g. 'head, medium (about 5-3/4" dia)'. */
export type MeasureLabel = {
  /** Set only for a plain volume label ('cup', 'tablespoon', 'fl oz'), never for 'cup, chopped'. */
  volumeUnit: VolumeUnit | null;
  /** First word that is not a size, lower case: 'head', 'sweetpotato', 'can'; null for 'medium'. */
  unitWord: string | null;
  size: SizeWord | null;
  /** A pack size worth showing, e.g. '(10 oz)'. */
  packNote: string | null;
  /** Portions of something larger ('lemon yields', 'NLEA serving'): never something to buy. */
  isPortion: boolean;
};

const VOLUME_LABELS: Record<string, VolumeUnit> = {
  tsp: 'tsp',
  teaspoon: 'tsp',
  tbsp: 'tbsp',
  tablespoon: 'tbsp',
  cup: 'cup',
  'fl oz': 'fl oz',
  'fluid ounce': 'fl oz',
};

const PACK_NOTE = /^\(\s*\d+(?:[.,/-]\d+)?\s*(?:fl oz|oz|lb|g|kg|ml|l)\s*\)$/i;
const PORTION = /\b(?:yields?|serving|nlea|portion|recipe)\b/i;

/** Drops parentheticals except a pack size, and comma parts that only give dimensions. */
function cleanLabel(label: string): { text: string; packNote: string | null } {
  let packNote: string | null = null;
  const withoutParens = label.replace(/\([^()]*\)/g, (group) => {
    if (PACK_NOTE.test(group) && packNote === null) packNote = group.replace(/\s+/g, ' ');
    return ' ';
  });
  const text = withoutParens
    .split(',')
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part.length > 0 && !/["\d]/.test(part))
    .join(', ');
  return { text, packNote };
}

function findSize(text: string): SizeWord | null {
  for (const size of SIZE_WORDS) {
    if (new RegExp(`\\b${size}\\b`).test(text)) return size;
  }
  return null;
}

/** Parses a household measure label; pure text work, no food knowledge. */
export function parseMeasureLabel(label: string): MeasureLabel {
  const lower = label.trim().toLowerCase();
  const volumeUnit = VOLUME_LABELS[lower] ?? null;
  const { text, packNote } = cleanLabel(lower);
  const size = findSize(text);
  const first = (text.split(',')[0] ?? '').trim();
  const stripped = SIZE_WORDS.reduce((t, s) => t.replace(new RegExp(`\\b${s}\\b`), ' '), first);
  const words = stripped.split(/\s+/).filter((w) => w.length > 0 && w !== 'whole');
  return {
    volumeUnit,
    unitWord: words[0] ?? null,
    size,
    packNote,
    isPortion: PORTION.test(lower),
  };
}
