'use client';

import { useId, useState } from 'react';
import { challengeShopText } from '@/lib/shopping/challenge-text';
import type { ShoppingListItem } from '@/lib/shopping/types';

/** 'Mon dinner' for the meal id '2026-11-30-dinner'. */
function mealLabel(id: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})-(\w+)$/.exec(id);
  if (!m) return id;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return `${d.toLocaleDateString('en-US', { weekday: 'short', timeZone: 'UTC' })} ${m[4]}`;
}

/**
 * One shopping line: the whole line is the check-off target; the meals that use the item and
 * the pantry choice sit behind a disclosure so the line stays one row on a phone.
 */
export function ShoppingItem({
  item,
  marked,
  onToggleChecked,
  onTogglePantry,
}: {
  item: ShoppingListItem;
  /** The last plan change added this line or changed its amount or meals. */
  marked: boolean;
  onToggleChecked: () => void;
  onTogglePantry: () => void;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <li
      className="shop-item"
      data-testid={`item-${item.ndb}`}
      data-changed={marked ? 'true' : 'false'}
      data-checked={item.checked ? 'true' : 'false'}
    >
      <div className="shop-line">
        <label className="shop-check">
          <input type="checkbox" checked={item.checked} onChange={onToggleChecked} />
          <span className="shop-text">
            <strong className="shop-name">{item.display}</strong>{' '}
            <span className="muted small shop-exact">({item.exact})</span>
            {item.notes.length > 0 ? (
              <span className="small shop-note" data-testid="shop-note">
                {' '}
                — {item.notes.join('; ')}
              </span>
            ) : null}
            {item.challenge ? (
              <span className="shop-flag small" data-testid="shop-challenge">
                {challengeShopText(item)}
              </span>
            ) : null}
            {marked ? (
              <span className="shop-flag small">changed by your last plan change</span>
            ) : item.changed ? (
              <span className="shop-flag small">amount changed since you checked it</span>
            ) : null}
          </span>
        </label>
        <button
          type="button"
          className="ghost shop-more no-print"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true" className="shop-chevron">
            ▾
          </span>
          <span className="visually-hidden">More about {item.name}</span>
        </button>
      </div>
      <div id={panelId} className="shop-panel no-print" hidden={!open}>
        <p className="small muted">For: {item.meals.map(mealLabel).join(', ')}</p>
        <button type="button" className="secondary" onClick={onTogglePantry}>
          {item.inPantry ? 'I need to buy this' : 'I have this'}
        </button>
      </div>
    </li>
  );
}
