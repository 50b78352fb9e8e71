'use client';

import { useRef, useState } from 'react';
import { MEAL_TYPES } from '@/lib/foods/codes';
import {
  BRISTOL_WORDS,
  type JournalEntry,
  RATED_SYMPTOMS,
  RATING_MAX,
  type RatedSymptom,
  SYMPTOM_LABELS,
  type Symptoms,
} from '@/lib/journal/schema';
import { addDays } from '@/lib/planner/dates';
import { type ApiError, callApi } from '../../_lib/api-client';
import { weekLabel } from '../../_lib/week';
import {
  EMPTY_SYMPTOMS,
  mealsOf,
  type Reactions,
  reactionsOf,
  summaryOf,
} from '../_lib/journal-values';
import styles from '../journal.module.css';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'saved'; text: string }
  | { kind: 'error'; error: ApiError };

const RATINGS = Array.from({ length: RATING_MAX + 1 }, (_, i) => i);

/** "Sun, Dec 6" for a YYYY-MM-DD day. */
const dayLabel = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });

/** One 0–10 symptom as a radio group: native radios, so arrow keys move and Tab leaves. */
function RatingRow(props: { symptom: RatedSymptom; value: number; onChange: (v: number) => void }) {
  const label = SYMPTOM_LABELS[props.symptom];
  return (
    <fieldset className={styles.symptom}>
      <legend>{label}</legend>
      <div className={styles.scale}>
        {RATINGS.map((n) => (
          <label key={n} className={styles.choice}>
            <input
              type="radio"
              name={props.symptom}
              value={n}
              checked={props.value === n}
              onChange={() => props.onChange(n)}
              aria-label={`${label}: ${n} of ${RATING_MAX}${n === 0 ? ', none' : ''}`}
            />
            <span aria-hidden="true">{n}</span>
          </label>
        ))}
      </div>
      <div className={styles.ends} aria-hidden="true">
        <span>none</span>
        <span>worst</span>
      </div>
    </fieldset>
  );
}

function StoolRow(props: { value: number | null; onChange: (v: number | null) => void }) {
  const options: { value: number | null; text: string }[] = [
    ...BRISTOL_WORDS.map((words, i) => ({ value: i + 1, text: `${i + 1} · ${words}` })),
    { value: null, text: 'None today' },
  ];
  return (
    <fieldset className={styles.symptom}>
      <legend>{SYMPTOM_LABELS.stool} (Bristol scale)</legend>
      <div className={styles.bristol}>
        {options.map((o) => (
          <label key={o.value ?? 'none'} className={styles.choice}>
            <input
              type="radio"
              name="stool"
              value={o.value ?? ''}
              checked={props.value === o.value}
              onChange={() => props.onChange(o.value)}
              aria-label={o.value === null ? 'No stool today' : `Bristol type ${o.text}`}
            />
            <span aria-hidden="true">{o.text}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A day of the symptom journal: today by default, any past day by the date switcher. The
 * server refuses a future day too; the switcher simply stops at today.
 */
export function JournalDay(props: {
  profileId: number;
  today: string;
  initialDate: string;
  recent: JournalEntry[];
}) {
  const { profileId, today } = props;
  const [entries, setEntries] = useState(() => new Map(props.recent.map((e) => [e.date, e])));
  const [date, setDate] = useState(props.initialDate);
  const [symptoms, setSymptoms] = useState<Symptoms>(
    () => entries.get(props.initialDate)?.symptoms ?? EMPTY_SYMPTOMS,
  );
  const [note, setNote] = useState(() => entries.get(props.initialDate)?.note ?? '');
  const [reactions, setReactions] = useState<Reactions>(() =>
    reactionsOf(props.initialDate, entries.get(props.initialDate)?.meals ?? []),
  );
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const heading = useRef<HTMLHeadingElement>(null);
  // the day last asked for: a slow read of an older day must not pull the form back to it
  const wanted = useRef(props.initialDate);
  const existing = entries.get(date) ?? null;

  function show(day: string, known: Map<string, JournalEntry>) {
    const entry = known.get(day);
    setDate(day);
    setSymptoms(entry?.symptoms ?? EMPTY_SYMPTOMS);
    setNote(entry?.note ?? '');
    setReactions(reactionsOf(day, entry?.meals ?? []));
    setStatus({ kind: 'idle' });
  }

  async function go(day: string) {
    if (day > today || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
    wanted.current = day;
    show(day, entries);
    // a day older than the list the page brought is read on demand
    if (entries.has(day)) return;
    const res = await callApi<{ items: JournalEntry[] }>(
      `/api/profiles/${profileId}/journal?from=${day}&to=${day}`,
    );
    const found = res.ok ? res.data.items[0] : undefined;
    if (found && wanted.current === day) {
      const next = new Map(entries).set(day, found);
      setEntries(next);
      show(day, next);
    }
  }

  async function save() {
    setStatus({ kind: 'busy' });
    const meals = mealsOf(date, reactions);
    const res = existing
      ? await callApi<JournalEntry>(`/api/profiles/${profileId}/journal/${date}`, {
          method: 'PATCH',
          body: { symptoms, note: note.trim() || null, meals },
        })
      : await callApi<JournalEntry>(`/api/profiles/${profileId}/journal`, {
          method: 'POST',
          body: { date, symptoms, note: note.trim() || null, meals },
        });
    if (!res.ok) {
      setStatus({ kind: 'error', error: res.error });
      return;
    }
    setEntries(new Map(entries).set(date, res.data));
    setStatus({ kind: 'saved', text: `Saved ${dayLabel(date)}.` });
  }

  async function remove() {
    if (!window.confirm(`Delete the entry for ${dayLabel(date)}?`)) return;
    setStatus({ kind: 'busy' });
    const res = await callApi<null>(`/api/profiles/${profileId}/journal/${date}`, {
      method: 'DELETE',
    });
    if (!res.ok) {
      setStatus({ kind: 'error', error: res.error });
      return;
    }
    const next = new Map(entries);
    next.delete(date);
    setEntries(next);
    show(date, next);
    setStatus({ kind: 'saved', text: `Deleted the entry for ${dayLabel(date)}.` });
    heading.current?.focus();
  }

  const days = [...entries.values()].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 14);
  const thisYear = Number(today.slice(0, 4));

  return (
    <>
      <div className={styles.dateBar}>
        <button
          type="button"
          className="secondary"
          onClick={() => go(addDays(date, -1))}
          aria-label="Previous day"
        >
          ‹
        </button>
        <input
          type="date"
          aria-label="Day"
          value={date}
          max={today}
          onChange={(e) => void go(e.target.value)}
        />
        <button
          type="button"
          className="secondary"
          onClick={() => go(addDays(date, 1))}
          disabled={date >= today}
          aria-label="Next day"
        >
          ›
        </button>
      </div>
      <h2 ref={heading} tabIndex={-1}>
        {date === today ? 'Today' : dayLabel(date)}{' '}
        <span className="muted small">{existing ? '· saved entry' : '· not logged yet'}</span>
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        aria-describedby="journal-status"
      >
        {RATED_SYMPTOMS.slice(0, 2).map((k) => (
          <RatingRow
            key={k}
            symptom={k}
            value={symptoms[k]}
            onChange={(v) => setSymptoms({ ...symptoms, [k]: v })}
          />
        ))}
        <StoolRow value={symptoms.stool} onChange={(v) => setSymptoms({ ...symptoms, stool: v })} />
        {RATED_SYMPTOMS.slice(2).map((k) => (
          <RatingRow
            key={k}
            symptom={k}
            value={symptoms[k]}
            onChange={(v) => setSymptoms({ ...symptoms, [k]: v })}
          />
        ))}
        <div className="field">
          <label htmlFor="journal-note">Note</label>
          <textarea
            id="journal-note"
            className={styles.note}
            value={note}
            maxLength={1000}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <details className="field">
          <summary>Reaction after a meal</summary>
          {MEAL_TYPES.map((slot) => (
            <div key={slot} className={styles.reaction}>
              <label htmlFor={`journal-after-${slot}`}>After {slot}</label>
              <input
                id={`journal-after-${slot}`}
                value={reactions[slot] ?? ''}
                maxLength={200}
                placeholder="e.g. bloated within the hour"
                onChange={(e) => setReactions({ ...reactions, [slot]: e.target.value })}
              />
            </div>
          ))}
        </details>
        <div id="journal-status" aria-live="polite">
          {status.kind === 'saved' ? <p className="alert success">{status.text}</p> : null}
          {status.kind === 'error' ? (
            <div className="alert error" role="alert">
              <p>{status.error.message}</p>
              {status.error.fieldErrors ? (
                <ul>
                  {Object.entries(status.error.fieldErrors).map(([field, messages]) => (
                    <li key={field}>{messages.join(' ')}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
        <div className={styles.actions}>
          <button type="submit" disabled={status.kind === 'busy'}>
            {existing ? 'Save changes' : 'Save day'}
          </button>
          {existing ? (
            <button
              type="button"
              className="secondary"
              onClick={() => void remove()}
              disabled={status.kind === 'busy'}
            >
              Delete entry
            </button>
          ) : null}
        </div>
      </form>
      <section aria-labelledby="recent-days">
        <h2 id="recent-days">Recent days</h2>
        {days.length === 0 ? (
          <p className="muted">No days logged yet.</p>
        ) : (
          <ul className={styles.days}>
            {days.map((e) => (
              <li key={e.date}>
                <button
                  type="button"
                  className="secondary"
                  aria-current={e.date === date ? 'date' : undefined}
                  onClick={() => void go(e.date)}
                >
                  <span>{weekLabel(e.date, thisYear)}</span>
                  <span className="small">{summaryOf(e, SYMPTOM_LABELS)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
