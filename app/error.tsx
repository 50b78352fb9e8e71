'use client';

import Link from 'next/link';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert">
      <h1>Something went wrong</h1>
      <p>This page could not be shown. Your saved profiles and plans are not affected.</p>
      {error.digest ? <p className="muted small">Reference: {error.digest}</p> : null}
      <p className="row">
        <button type="button" onClick={reset}>
          Try again
        </button>
        <Link className="button secondary" href="/">
          Go to the start
        </Link>
      </p>
    </div>
  );
}
