'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { kitchenLine } from '@/lib/recipes/kitchen-words';

export type ScalableIngredient = {
  ndb: string;
  /** The cook's name of the food ('sweet potato'), never the USDA description. */
  name: string;
  grams: number;
  note: string | null;
  /** The household measure the recipe was written in, if any. */
  measure: { label: string; gramsPerUnit: number } | null;
};

/** A count of servings to a quarter, the finest a plan portions. */
const quarter = (n: number) => Math.round(n * 4) / 4;

/**
 * Ingredients in household measures, rescaled live by a servings control. `start` is the count
 * shown first (a planned meal's servings, which can be a fraction); the recipe's own yield when
 * absent.
 */
export function ScaledIngredients({
  ingredients,
  servings,
  start = servings,
}: {
  ingredients: ScalableIngredient[];
  servings: number;
  start?: number;
}) {
  const [count, setCount] = useState(start);
  const lowest = Math.min(1, start);
  const id = useId();
  const factor = count / servings;
  return (
    <div>
      <div className="row" style={{ marginBottom: '0.5rem' }}>
        <label htmlFor={id} style={{ margin: 0 }}>
          Servings
        </label>
        <button
          type="button"
          className="secondary"
          aria-label="Fewer servings"
          onClick={() => setCount((c) => Math.max(lowest, c - 1))}
        >
          −
        </button>
        <input
          id={id}
          type="number"
          min={lowest}
          max={24}
          step="any"
          value={count}
          onChange={(e) => {
            const n = quarter(Number(e.target.value));
            if (Number.isFinite(n) && n >= lowest && n <= 24) setCount(n);
          }}
          style={{ width: '5rem' }}
        />
        <button
          type="button"
          className="secondary"
          aria-label="More servings"
          onClick={() => setCount((c) => Math.min(24, c + 1))}
        >
          +
        </button>
        {count !== start ? (
          <button type="button" className="ghost" onClick={() => setCount(start)}>
            Reset to {start}
          </button>
        ) : null}
      </div>
      <ul aria-live="polite">
        {ingredients.map((i, idx) => {
          const grams = i.grams * factor;
          const line = kitchenLine({
            name: i.name,
            grams,
            amount: i.measure ? grams / i.measure.gramsPerUnit : null,
            label: i.measure?.label ?? null,
            note: i.note,
          });
          return (
            <li key={`${i.ndb}-${idx}`}>
              <strong>{line.quantity}</strong> <Link href={`/foods/${i.ndb}`}>{line.name}</Link>
              {line.grams ? <span className="muted"> {line.grams}</span> : null}
              {line.after ? <span className="muted">{line.after}</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
