'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ShoppingListItem } from '@/lib/shopping/types';
import { callApi } from '../../../../_lib/api-client';
import { ShoppingItem } from './shopping-item';

export type ListItem = ShoppingListItem;
export type ListSection = { id: string; name: string; items: ListItem[] };

/** The same rule as the server's totals: a line is to buy until it is checked or in the pantry. */
function countToBuy(items: Iterable<ListItem>): number {
  let n = 0;
  for (const i of items) if (!i.checked && !i.inPantry) n++;
  return n;
}

/**
 * Check-off list grouped by aisle, with the to-buy count above it. Checks are saved as they are
 * made and the count follows at once; a pantry choice moves the line, so the page reloads its data.
 */
export function ShoppingListView({
  planId,
  profileId,
  sections,
  lastChanged,
}: {
  planId: number;
  profileId: number;
  sections: ListSection[];
  /** Line keys the last plan change added or changed. */
  lastChanged: string[];
}) {
  const router = useRouter();
  const [items, setItems] = useState(
    () => new Map(sections.flatMap((s) => s.items.map((i) => [i.ndb, i]))),
  );
  const [error, setError] = useState<string | null>(null);
  const marked = new Set(lastChanged);
  const all = [...items.values()];
  const inPantry = all.filter((i) => i.inPantry).length;

  async function toggleChecked(item: ListItem) {
    const next = !item.checked;
    setError(null);
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
    setError(null);
    const res = await callApi(`/api/profiles/${profileId}/pantry/${item.ndb}`, {
      method: item.inPantry ? 'DELETE' : 'PUT',
    });
    if (!res.ok) setError(res.error.message);
    else router.refresh();
  }

  return (
    <div>
      <p className="shop-count" aria-live="polite">
        <strong data-testid="to-buy">{countToBuy(all)}</strong> still to buy ·{' '}
        <span className="muted">
          {all.length} items · {inPantry} you likely have
        </span>
      </p>
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
          className="card shop-aisle"
          aria-labelledby={`aisle-${section.id}`}
        >
          <h2 id={`aisle-${section.id}`} className="shop-aisle-name">
            {section.name}
          </h2>
          <ul className="shop-items">
            {section.items.map((original) => {
              const item = items.get(original.ndb) ?? original;
              return (
                <ShoppingItem
                  key={item.ndb}
                  item={item}
                  marked={marked.has(item.ndb)}
                  onToggleChecked={() => toggleChecked(item)}
                  onTogglePantry={() => togglePantry(item)}
                />
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
