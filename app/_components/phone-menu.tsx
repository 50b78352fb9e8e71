'use client';

import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/**
 * Secondary actions: a row on wide screens; on phones one "label ▾" button that opens them, so a
 * screen keeps one primary action. Escape closes the menu and returns focus to its button.
 */
export function PhoneMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <div className="phone-menu no-print">
      <button
        ref={button}
        type="button"
        className="secondary phone-menu-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {label} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id={id} className={`phone-menu-items${open ? ' open' : ''}`}>
        {children}
      </div>
    </div>
  );
}
