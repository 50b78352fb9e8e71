'use client';

import type { KeyboardEvent } from 'react';

const part = (date: string, options: Intl.DateTimeFormatOptions) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { ...options, timeZone: 'UTC' });

export const tabId = (date: string) => `day-tab-${date}`;
export const panelId = (date: string) => `day-${date}-panel`;

/**
 * One tab per day (phones show one day at a time; globals.css hides this on wide screens).
 * Arrow keys, Home and End move between days and select the day they land on.
 */
export function DayTabs({
  dates,
  selected,
  today,
  onSelect,
}: {
  dates: string[];
  selected: string;
  today: string;
  onSelect: (date: string) => void;
}) {
  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>, index: number) {
    const n = dates.length;
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % n,
      ArrowLeft: (index - 1 + n) % n,
      Home: 0,
      End: n - 1,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const date = dates[to] as string;
    onSelect(date);
    document.getElementById(tabId(date))?.focus();
  }

  return (
    <div role="tablist" aria-label="Days of the week" className="day-tabs no-print">
      {dates.map((date, i) => {
        const isSelected = date === selected;
        return (
          <button
            key={date}
            type="button"
            role="tab"
            id={tabId(date)}
            aria-selected={isSelected}
            aria-controls={panelId(date)}
            tabIndex={isSelected ? 0 : -1}
            className="day-tab"
            onClick={() => onSelect(date)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            <span className="day-tab-weekday">{part(date, { weekday: 'short' })}</span>
            <span className="day-tab-date">{part(date, { day: 'numeric' })}</span>
            {date === today ? <span className="day-tab-today">today</span> : null}
          </button>
        );
      })}
    </div>
  );
}
