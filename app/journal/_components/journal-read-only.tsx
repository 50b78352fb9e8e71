import { type JournalEntry, SYMPTOM_LABELS } from '@/lib/journal/schema';
import { ReadOnly } from '../../_components/read-only';
import { weekLabel } from '../../_lib/week';
import { summaryOf } from '../_lib/journal-values';

/**
 * A clinician's view of the journal: the days logged, newest first, as text. No form: an empty
 * form would read as a logged day of zeros, and nothing here may be saved.
 */
export function JournalReadOnly({ today, recent }: { today: string; recent: JournalEntry[] }) {
  const thisYear = Number(today.slice(0, 4));
  const days = [...recent].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <ReadOnly when>
      <section aria-labelledby="recent-days">
        <h2 id="recent-days">Recent days</h2>
        {days.length === 0 ? (
          <p className="muted">No days logged yet.</p>
        ) : (
          <ul data-testid="journal-days">
            {days.map((e) => (
              <li key={e.date}>
                <strong>{weekLabel(e.date, thisYear)}</strong>: {summaryOf(e, SYMPTOM_LABELS)}
                {e.note ? <span className="muted small"> · “{e.note}”</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </ReadOnly>
  );
}
