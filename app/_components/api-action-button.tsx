'use client';

import { type ReactNode, useState } from 'react';
import type { ApiResult } from '../_lib/api-client';
import { StatusLines } from './account/status-lines';

type Props<T> = {
  children: ReactNode;
  className?: string;
  /** Asked first; false leaves everything as it was (a confirmation the person declined). */
  confirm?: () => boolean;
  call: () => Promise<ApiResult<T>>;
  /** Runs on success; the button stays disabled while the page moves on. */
  onSuccess: (data: T) => void;
};

/**
 * One button that calls the API: disabled while the call runs, the API's message announced
 * under it on failure, and `onSuccess` (usually a navigation) otherwise.
 */
export function ApiActionButton<T>({ children, className, confirm, call, onSuccess }: Props<T>) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="stack">
      <button
        type="button"
        className={className}
        disabled={busy}
        onClick={async () => {
          if (confirm && !confirm()) return;
          setBusy(true);
          setError(null);
          const res = await call();
          if (res.ok) {
            onSuccess(res.data);
            return;
          }
          setBusy(false);
          setError(res.error.message);
        }}
      >
        {children}
      </button>
      <div aria-live="polite">
        <StatusLines message={null} error={error} />
      </div>
    </div>
  );
}
