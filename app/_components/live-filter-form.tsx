'use client';

import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useRef, useTransition } from 'react';

/**
 * A GET form that also updates the URL as the user types or picks a filter, so results follow
 * live and the address stays shareable. Without JavaScript it still submits normally.
 */
export function LiveFilterForm({ children, label }: { children: ReactNode; label: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const navigate = () => {
    const form = formRef.current;
    if (!form) return;
    const usp = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) {
      if (typeof v === 'string' && v.trim() !== '') usp.append(k, v);
    }
    const qs = usp.toString();
    startTransition(() => router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  };

  return (
    <form
      ref={formRef}
      role="search"
      aria-label={label}
      aria-busy={isPending}
      onSubmit={(e) => {
        e.preventDefault();
        navigate();
      }}
      onChange={(e) => {
        if (timer.current) clearTimeout(timer.current);
        const isText = (e.target as unknown as HTMLInputElement).type === 'search';
        timer.current = setTimeout(navigate, isText ? 200 : 0);
      }}
    >
      {children}
      <div className="row" style={{ marginTop: '0.5rem' }}>
        <button type="submit" className="secondary">
          Apply filters
        </button>
        <span aria-live="polite" className="muted small">
          {isPending ? (
            <>
              <span className="spinner" aria-hidden="true" /> Updating…
            </>
          ) : null}
        </span>
      </div>
    </form>
  );
}
