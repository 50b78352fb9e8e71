'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { PlanView } from '@/db/queries/plans';
import { portionText } from '@/lib/planner/batch-words';
import type { AlternativeCandidate } from '@/lib/planner/swap';
import type { Blocker } from '@/lib/planner/why-no-alternatives';
import { callApi } from '../../../_lib/api-client';

type BoardMeal = PlanView['days'][number]['meals'][number];
/** The meal being swapped and the words for its day ("Tuesday, Dec 1"). */
export type SwapTarget = { meal: BoardMeal; dayLabel: string };

type Answer = {
  items: AlternativeCandidate[];
  total: number;
  available: number;
  blockedBy: Blocker[];
};

/** Without a search or filter the dialog shows the best few; with one, up to the API's most. */
const FIRST = 10;
const FILTERED = 50;
const MINUTES = [15, 20, 30, 45, 60, 90];
const KCALS = [300, 400, 500, 600, 700, 800, 1000];

const signed = (n: number, unit: string) =>
  `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(Math.round(n))}${unit}`;

/**
 * The swap dialog: the meal's compliant alternatives, best first, narrowed by a search and
 * filters that never add a recipe. Each option shows the meal itself per person (at the portion
 * it would get) and what it changes on the day; recipes already in the week are marked. When
 * none fits, it names the limit that blocks. Closing (✕, Escape, or after Choose) calls
 * `onClosed`, which returns focus to the plan.
 */
export function SwapDialog({
  planId,
  target,
  busy,
  onChoose,
  onClosed,
}: {
  planId: number;
  target: SwapTarget | null;
  busy: boolean;
  /** Swaps the meal; resolves true when it worked (the dialog then closes). */
  onChoose: (recipeSlug: string) => Promise<boolean>;
  onClosed: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [maxMinutes, setMaxMinutes] = useState('');
  const [maxKcal, setMaxKcal] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mealId = target?.meal.id ?? null;

  // Opens for a new meal with a clean search.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || mealId === null) return;
    setQ('');
    setQuery('');
    setMaxMinutes('');
    setMaxKcal('');
    if (!dialog.open) dialog.showModal();
    searchRef.current?.focus();
  }, [mealId]);

  // Typing settles before the list is asked again.
  useEffect(() => {
    const t = setTimeout(() => setQuery(q.trim()), 250);
    return () => clearTimeout(t);
  }, [q]);

  const filtered = query !== '' || maxMinutes !== '' || maxKcal !== '';
  useEffect(() => {
    if (mealId === null) return;
    let stale = false;
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    if (maxMinutes) params.set('maxMinutes', maxMinutes);
    if (maxKcal) params.set('maxKcal', maxKcal);
    params.set('limit', String(filtered ? FILTERED : FIRST));
    setAnswer(null);
    setError(null);
    callApi<Answer>(`/api/plans/${planId}/meals/${mealId}/alternatives?${params}`).then((res) => {
      if (stale) return;
      if (res.ok) setAnswer(res.data);
      else setError(res.error.message);
    });
    return () => {
      stale = true;
    };
  }, [planId, mealId, query, maxMinutes, maxKcal, filtered]);

  async function choose(slug: string) {
    if (await onChoose(slug)) dialogRef.current?.close();
  }

  const meal = target?.meal;
  return (
    <dialog
      ref={dialogRef}
      className="swap-dialog"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-about`}
      onClose={onClosed}
    >
      <div className="dialog-head">
        <h2 id={`${ids}-title`} className="swap-title">
          {meal ? (
            <>
              Swap {meal.slot}: <span className="swap-current">{meal.recipeName}</span>
            </>
          ) : (
            'Swap'
          )}
        </h2>
        <button
          type="button"
          className="ghost"
          onClick={() => dialogRef.current?.close()}
          aria-label="Close"
        >
          ✕
        </button>
      </div>
      <div className="dialog-body">
        <p id={`${ids}-about`} className="small muted swap-about">
          {target ? `${target.dayLabel}. ` : ''}Only recipes that follow your rules, best first: the
          meal per person at the portion it would get, then the change to the day. Recipes already
          in this week are marked.
        </p>
        <div className="swap-filters" role="search" aria-label="Filter alternatives">
          <div className="swap-search">
            <label htmlFor={`${ids}-q`}>Search recipes or ingredients</label>
            <input
              ref={searchRef}
              id={`${ids}-q`}
              type="search"
              value={q}
              maxLength={100}
              autoComplete="off"
              onChange={(e) => setQ(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor={`${ids}-min`}>Max time</label>
            <select
              id={`${ids}-min`}
              value={maxMinutes}
              onChange={(e) => setMaxMinutes(e.target.value)}
            >
              <option value="">Any</option>
              {MINUTES.map((m) => (
                <option key={m} value={m}>
                  {m} min
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${ids}-kcal`}>Max kcal</label>
            <select id={`${ids}-kcal`} value={maxKcal} onChange={(e) => setMaxKcal(e.target.value)}>
              <option value="">Any</option>
              {KCALS.map((k) => (
                <option key={k} value={k}>
                  {k} kcal
                </option>
              ))}
            </select>
          </div>
        </div>
        <div aria-live="polite" className="small swap-count">
          {answer && answer.items.length > 0
            ? answer.total > answer.items.length
              ? `Showing the ${answer.items.length} best of ${answer.total}${filtered ? '' : '; search or filter to see others'}.`
              : `${answer.total} ${answer.total === 1 ? 'recipe fits' : 'recipes fit'}${filtered ? ` (of ${answer.available})` : ''}.`
            : ''}
        </div>
        {error ? (
          <div className="alert error" role="alert">
            {error}
          </div>
        ) : answer === null ? (
          <p>
            <span className="spinner" aria-hidden="true" /> Finding alternatives that fit your
            rules…
          </p>
        ) : answer.items.length === 0 ? (
          <div className="swap-empty">
            <p>
              <strong>
                {answer.available > 0
                  ? 'No recipe matches your search and filters.'
                  : 'No other recipe fits this slot.'}
              </strong>
            </p>
            <ul>
              {answer.blockedBy.map((b) => (
                <li key={b.limit} data-limit={b.limit}>
                  {b.message}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <ol className="result-list swap-options" aria-label="Alternatives, best first">
            {answer.items.map((a) => (
              <li key={a.recipeSlug} className="swap-option">
                <div className="swap-option-text">
                  <strong>{a.recipeName}</strong>{' '}
                  {a.inWeek ? <span className="badge swap-in-week">in this week</span> : null}
                  <div className="small">
                    {Math.round(a.energyKcal)} kcal · {Math.round(a.proteinG)} g protein ·{' '}
                    {a.totalMinutes} min · {portionText(a.portion)}
                  </div>
                  <div className="small muted">
                    Day {signed(a.energyDeltaKcal, ' kcal')} · {signed(a.proteinDeltaG, ' g')}{' '}
                    protein · {signed(a.itemsToBuyDelta, '')} to buy
                  </div>
                </div>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => choose(a.recipeSlug)}
                  aria-label={`Choose ${a.recipeName}`}
                >
                  Choose
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>
    </dialog>
  );
}
