import type { ReactNode } from 'react';

/**
 * What a clinician sees of a member's forms: the same view with every control disabled (a
 * disabled fieldset disables all it holds), and a line saying why. The API refuses their
 * writes anyway (403); this keeps the page from offering what it will refuse.
 */
export function ReadOnly({ when, children }: { when: boolean; children: ReactNode }) {
  if (!when) return <>{children}</>;
  return (
    <fieldset disabled className="read-only" aria-describedby="read-only-note">
      <p id="read-only-note" className="muted small">
        Shared with you to read: nothing here can be changed from your account.
      </p>
      {children}
    </fieldset>
  );
}
