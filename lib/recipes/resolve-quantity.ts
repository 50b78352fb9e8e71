import type { Measure } from '../foods/types';
import type { RecipeIngredientInput } from './schema';

export type ResolvedQuantity =
  | { ok: true; grams: number; text: string }
  | { ok: false; message: string };

/** Formats an amount the way a cook reads it: 0.5 → "1/2", 1.25 → "1 1/4". */
export function formatAmount(amount: number): string {
  const whole = Math.floor(amount + 1e-9);
  const frac = amount - whole;
  const fractions: [number, string][] = [
    [0.125, '1/8'],
    [0.25, '1/4'],
    [1 / 3, '1/3'],
    [0.5, '1/2'],
    [2 / 3, '2/3'],
    [0.75, '3/4'],
  ];
  if (frac < 0.06) return String(whole);
  if (frac > 0.94) return String(whole + 1);
  const nearest = fractions.reduce((best, f) =>
    Math.abs(f[0] - frac) < Math.abs(best[0] - frac) ? f : best,
  );
  if (Math.abs(nearest[0] - frac) < 0.05) return whole > 0 ? `${whole} ${nearest[1]}` : nearest[1];
  return amount.toFixed(1);
}

/** Turns an ingredient line into grams using the food's WEIGHT.txt measures. */
export function resolveQuantity(
  ingredient: RecipeIngredientInput,
  measures: Measure[],
): ResolvedQuantity {
  if (ingredient.grams !== undefined) {
    return { ok: true, grams: ingredient.grams, text: `${Math.round(ingredient.grams)} g` };
  }
  const { amount, measure } = ingredient;
  if (amount === undefined || measure === undefined) {
    return { ok: false, message: 'give either grams, or amount and measure' };
  }
  const found = measures.find((m) => m.label === measure);
  if (!found) {
    const known = measures.map((m) => `"${m.label}"`).join(', ') || 'none';
    return {
      ok: false,
      message: `unknown measure "${measure}" for ${ingredient.ndb} (known: ${known})`,
    };
  }
  const grams = (amount / found.amount) * found.grams;
  return { ok: true, grams, text: `${formatAmount(amount)} ${measure}` };
}
