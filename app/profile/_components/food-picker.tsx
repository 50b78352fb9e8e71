'use client';

import { useEffect, useId, useState } from 'react';
import type { DislikeChoice } from '../_lib/profile-values';

type FoodHit = { ndb: string; name: string };
/** A kind of food from GET /api/food-concepts. */
type ConceptHit = { id: string; label: string; description: string; foodCount: number };

const keyOf = (d: DislikeChoice) => ('ndb' in d ? `food:${d.ndb}` : `concept:${d.concept}`);

/**
 * Search-as-you-type picker for disliked foods: a whole kind of food ("salmon (all kinds)")
 * comes before the single USDA foods that match.
 */
export function FoodPicker({
  value,
  onChange,
  describedBy,
  label = 'Foods you do not want in your plan',
  anchorId = 'p-disliked-concepts',
  chosenLabel = 'Disliked foods',
}: {
  value: DislikeChoice[];
  onChange: (next: DislikeChoice[]) => void;
  describedBy?: string;
  /** The search box's label; the other props let a second picker on the page differ. */
  label?: string;
  anchorId?: string;
  chosenLabel?: string;
}) {
  const id = useId();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<FoodHit[]>([]);
  const [concepts, setConcepts] = useState<ConceptHit[]>([]);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');

  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) {
      setHits([]);
      setConcepts([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setStatus('loading');
      try {
        const query = encodeURIComponent(text);
        const [foods, kinds] = await Promise.all(
          [`/api/foods?q=${query}&limit=8`, `/api/food-concepts?q=${query}`].map(async (url) => {
            const res = await fetch(url, { signal: controller.signal });
            return (await res.json()) as { items?: unknown[] };
          }),
        );
        setHits((foods?.items ?? []) as FoodHit[]);
        setConcepts((kinds?.items ?? []) as ConceptHit[]);
        setStatus('idle');
      } catch {
        if (!controller.signal.aborted) setStatus('error');
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const add = (choice: DislikeChoice) => {
    if (!value.some((v) => keyOf(v) === keyOf(choice))) onChange([...value, choice]);
    setQ('');
    setHits([]);
    setConcepts([]);
  };

  const count = hits.length + concepts.length;
  return (
    // The profile form's error summary focuses this when a kind of food is refused.
    <div id={anchorId}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={q}
        placeholder="Search, e.g. salmon, liver, cilantro"
        onChange={(e) => setQ(e.target.value)}
        aria-describedby={describedBy}
        autoComplete="off"
      />
      <div aria-live="polite" className="small muted">
        {status === 'loading'
          ? 'Searching…'
          : status === 'error'
            ? 'Search failed; try again.'
            : null}
      </div>
      {count > 0 ? (
        <ul className="result-list" aria-label="Matching foods">
          {concepts.map((c) => (
            <li key={`concept:${c.id}`}>
              <button
                type="button"
                className="ghost"
                onClick={() => add({ concept: c.id, name: c.label })}
                aria-describedby={`${id}-concept-${c.id}`}
              >
                + {c.label}
              </button>{' '}
              <span id={`${id}-concept-${c.id}`} className="small muted">
                {c.foodCount} foods: {c.description}
              </span>
            </li>
          ))}
          {hits.map((h) => (
            <li key={h.ndb}>
              <button
                type="button"
                className="ghost"
                onClick={() => add({ ndb: h.ndb, name: h.name })}
              >
                + {h.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {value.length > 0 ? (
        <ul
          className="row"
          style={{ listStyle: 'none', padding: 0, marginTop: '0.5rem' }}
          aria-label={chosenLabel}
        >
          {value.map((v) => (
            <li key={keyOf(v)} className={'concept' in v ? 'badge concept-chip' : 'badge'}>
              {v.name}{' '}
              <button
                type="button"
                className="ghost"
                style={{ minHeight: 0, padding: '0 0.25rem' }}
                aria-label={`Remove ${v.name}`}
                onClick={() => onChange(value.filter((x) => keyOf(x) !== keyOf(v)))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
