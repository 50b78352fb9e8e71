'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ShoppingListItem } from '@/lib/shopping/types';
import { callApi } from '../../../../_lib/api-client';

export type ListItem = ShoppingListItem;
export type ListSection = { id: string; name: string; items: ListItem[] };

function mealLabel(id: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})-(\w+)$/.exec(id);
  if (!m) return id;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return `${d.toLocaleDateString('en-US', { weekday: 'short', timeZone: 'UTC' })} ${m[4]}`;
}

/** Check-off list grouped by aisle; checks and pantry choices are saved as they are made. */
export function ShoppingListView({
  planId,
  profileId,
  sections,
  swapMarked,
}: {
  planId: number;
  profileId: number;
  sections: ListSection[];
  swapMarked: string[];
}) {
  const router = useRouter();
  const [items, setItems] = useState(
    () => new Map(sections.flatMap((s) => s.items.map((i) => [i.ndb, i]))),
  );
  const [error, setError] = useState<string | null>(null);
  const marked = new Set(swapMarked);

  async function toggleChecked(item: ListItem) {
    const next = !item.checked;
    setItems((m) => new Map(m).set(item.ndb, { ...item, checked: next, changed: false }));
    const res = await callApi(`/api/plans/${planId}/shopping-list/items/${item.ndb}`, {
      method: 'PATCH',
      body: { checked: next },
    });
    if (!res.ok) {
      setItems((m) => new Map(m).set(item.ndb, item));
      setError(res.error.message);
    }
  }

  async function togglePantry(item: ListItem) {
    const res = await callApi(`/api/profiles/${profileId}/pantry/${item.ndb}`, {
      method: item.inPantry ? 'DELETE' : 'PUT',
    });
    if (!res.ok) setError(res.error.message);
    else router.refresh();
  }

  return (
    <div>
      <div aria-live="polite">
        {error ? (
          <div className="alert error" role="alert">
            {error}
          </div>
        ) : null}
      </div>
      {sections.map((section) => (
        <section
          key={section.id}
          className="card"
          style={{ marginTop: '0.75rem' }}
          aria-labelledby={`aisle-${section.id}`}
        >
          <h2 id={`aisle-${section.id}`} style={{ marginTop: 0 }}>
            {section.name}
          </h2>
          <ul className="result-list">
            {section.items.map((original) => {
              const item = items.get(original.ndb) ?? original;
              const isMarked = item.changed || marked.has(item.ndb);
              return (
                <li
                  key={item.ndb}
                  data-testid={`item-${item.ndb}`}
                  data-changed={isMarked ? 'true' : 'false'}
                >
                  <div className="spread">
                    <label
                      style={{
                        fontWeight: 400,
                        display: 'flex',
                        gap: '0.5rem',
                        alignItems: 'baseline',
                        margin: 0,
                      }}
                    >
                      <input
                        type="checkbox"
                        checked={item.checked}
                        onChange={() => toggleChecked(item)}
                      />
                      <span style={{ textDecoration: item.checked ? 'line-through' : undefined }}>
                        <strong>{item.display}</strong>{' '}
                        <span className="muted small">({item.exact})</span>
                        {item.notes.length > 0 ? (
                          <span className="small" data-testid="shop-note">
                            {' '}
                            — {item.notes.join('; ')}
                          </span>
                        ) : null}
                      </span>
                    </label>
                    <span className="row">
                      {isMarked ? (
                        <span className="badge inflammatory">changed by your last plan change</span>
                      ) : null}
                      <button
                        type="button"
                        className="ghost no-print"
                        onClick={() => togglePantry(item)}
                      >
                        {item.inPantry ? 'I need to buy this' : 'I have this'}
                      </button>
                    </span>
                  </div>
                  <div className="small muted">For: {item.meals.map(mealLabel).join(', ')}</div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
