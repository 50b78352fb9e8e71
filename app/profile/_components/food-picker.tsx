'use client';

import { useEffect, useId, useState } from 'react';

type FoodHit = { ndb: string; name: string };

/** Search-as-you-type picker over the food database, for disliked foods. */
export function FoodPicker({
  value,
  onChange,
  describedBy,
}: {
  value: FoodHit[];
  onChange: (next: FoodHit[]) => void;
  describedBy?: string;
}) {
  const id = useId();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<FoodHit[]>([]);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');

  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setStatus('loading');
      try {
        const res = await fetch(`/api/foods?q=${encodeURIComponent(text)}&limit=8`, {
          signal: controller.signal,
        });
        const json = (await res.json()) as { items?: FoodHit[] };
        setHits(json.items ?? []);
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

  const add = (food: FoodHit) => {
    if (!value.some((v) => v.ndb === food.ndb))
      onChange([...value, { ndb: food.ndb, name: food.name }]);
    setQ('');
    setHits([]);
  };

  return (
    <div>
      <label htmlFor={id}>Foods you do not want in your plan</label>
      <input
        id={id}
        type="search"
        value={q}
        placeholder="Search, e.g. liver, cilantro"
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
      {hits.length > 0 ? (
        <ul className="result-list" aria-label="Matching foods">
          {hits.map((h) => (
            <li key={h.ndb}>
              <button type="button" className="ghost" onClick={() => add(h)}>
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
          aria-label="Disliked foods"
        >
          {value.map((v) => (
            <li key={v.ndb} className="badge">
              {v.name}{' '}
              <button
                type="button"
                className="ghost"
                style={{ minHeight: 0, padding: '0 0.25rem' }}
                aria-label={`Remove ${v.name}`}
                onClick={() => onChange(value.filter((x) => x.ndb !== v.ndb))}
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
