'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { ReintroductionView } from '@/app/_server/use-cases/reintroduction';
import type { ScheduleItem } from '@/lib/reintroduction/view';
import { type ApiError, callApi } from '../../_lib/api-client';
import styles from '../reintroduction.module.css';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'error'; error: ApiError };

/** "Mon, Mar 3" for a YYYY-MM-DD day. */
const dayLabel = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });

const OUTCOME_WORDS: Record<string, string> = {
  tolerated: 'Tolerated',
  reacted: 'Reacted',
  unclear: 'Unclear',
};

function statusWords(item: ScheduleItem): string {
  if (item.status === 'done') return OUTCOME_WORDS[item.outcome ?? ''] ?? 'Done';
  if (item.status === 'skipped') return 'Skipped';
  if (item.status === 'active') return 'Now';
  if (item.status === 'planned') return 'Planned';
  return 'Next';
}

/** Each challenge day with its dose in words, then the washout days. */
function Days({ item }: { item: ScheduleItem }) {
  if (item.days.length === 0) {
    return (
      <ul className={styles.days}>
        {item.doses.map((d, i) => (
          <li key={d.words}>
            <span>Day {i + 1}</span>
            <span>{d.words}</span>
          </li>
        ))}
        <li className={styles.washout}>
          <span>Then</span>
          <span>{item.washoutLength} washout days</span>
        </li>
      </ul>
    );
  }
  const first = item.washoutDays[0];
  const last = item.washoutDays.at(-1);
  return (
    <ul className={styles.days}>
      {item.days.map((date, i) => (
        <li key={date}>
          <span>{dayLabel(date)}</span>
          <span>
            {item.doses[i]?.words} <span className="muted small">(with {item.slot})</span>
          </span>
        </li>
      ))}
      {first && last ? (
        <li className={styles.washout}>
          <span>Washout</span>
          <span>
            {dayLabel(first)} to {dayLabel(last)}: the elimination background only
          </span>
        </li>
      ) : null}
    </ul>
  );
}

export function ReintroductionPanel(props: {
  profileId: number;
  today: string;
  initial: ReintroductionView;
}) {
  const [view, setView] = useState(props.initial);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [startOn, setStartOn] = useState(props.today);
  const base = `/api/profiles/${props.profileId}/reintroduction`;
  const busy = status.kind === 'busy';

  async function send(what: string, url: string, method: string, body?: unknown) {
    setStatus({ kind: 'busy', what });
    const res = await callApi<ReintroductionView | undefined>(url, { method, body });
    if (!res.ok) {
      setStatus({ kind: 'error', error: res.error });
      return;
    }
    if (res.data) setView(res.data);
    else {
      const fresh = await callApi<ReintroductionView>(base);
      if (!fresh.ok) {
        setStatus({ kind: 'error', error: fresh.error });
        return;
      }
      setView(fresh.data);
    }
    setStatus({ kind: 'idle' });
  }

  const started = view.startedOn !== null;
  const movable = view.schedule.filter(
    (i) => i.status === 'pending' || (i.status === 'active' && (i.days[0] ?? '') > props.today),
  );
  const move = (id: string, by: -1 | 1) => {
    const ids = movable.map((i) => i.id);
    const at = ids.indexOf(id);
    const to = at + by;
    if (at < 0 || to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to] as string, ids[at] as string];
    void send('Moving', base, 'PATCH', { order: ids });
  };
  const current = view.current;

  return (
    <div className="stack">
      <div aria-live="polite" className="small">
        {status.kind === 'busy' ? (
          <span className="row">
            <span className="spinner" aria-hidden="true" /> {status.what}…
          </span>
        ) : null}
      </div>
      {status.kind === 'error' ? (
        <p className="alert error" role="alert">
          {status.error.message}
        </p>
      ) : null}

      {view.readiness ? (
        <section aria-labelledby="ready-h" className="card">
          <h2 id="ready-h" style={{ marginTop: 0 }}>
            Readiness
          </h2>
          <p>{view.readiness.summary.charAt(0).toUpperCase() + view.readiness.summary.slice(1)}.</p>
          <p className="muted small">
            Usual elimination: {view.readiness.usualWeeks.min}
            {view.readiness.usualWeeks.max ? `–${view.readiness.usualWeeks.max}` : '+'} weeks.
            Symptoms: each logged day&apos;s worst symptom, averaged over the journal&apos;s first
            and last week. You decide when to begin.
          </p>
        </section>
      ) : null}

      {view.clinicianLed ? (
        <p className="alert info">
          This reintroduction is clinician-led: your clinician brings back one group at a time, each
          followed by an endoscopy. Villi records the outcomes they report; it does not plan
          challenges.
        </p>
      ) : null}
      {view.talkToClinician.length > 0 ? (
        <details>
          <summary>When to involve a clinician</summary>
          <ul className="small">
            {view.talkToClinician.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      ) : null}

      {!view.available ? (
        <p className="muted">
          The {view.protocol} protocol has no reintroduction challenges in Villi.{' '}
          <Link href="/profile">Change the protocol on the profile page</Link>.
        </p>
      ) : null}

      {view.available && !started ? (
        <section aria-labelledby="start-h">
          <h2 id="start-h">Start</h2>
          <form
            className={styles.start}
            onSubmit={(e) => {
              e.preventDefault();
              void send('Starting', `${base}/start`, 'POST', { startOn });
            }}
          >
            <div>
              <label htmlFor="start-on">First challenge day</label>
              <input
                id="start-on"
                type="date"
                value={startOn}
                onChange={(e) => setStartOn(e.target.value)}
                required
              />
            </div>
            <button type="submit" disabled={busy}>
              Start reintroduction
            </button>
          </form>
          <p className="muted small">
            The profile moves to the protocol&apos;s first reintroduction phase from that day.
          </p>
        </section>
      ) : null}

      {current ? (
        <section aria-labelledby="current-h">
          <h2 id="current-h">Now: {current.label}</h2>
          <div className={`${styles.item} ${styles.current}`}>
            <p className="small" style={{ margin: 0 }}>
              Food: {current.food.name}
              {current.note ? ` · ${current.note}` : ''}
            </p>
            <Days item={current} />
            {current.proposal ? (
              <div className={styles.proposal}>
                <h3>
                  Proposed: {OUTCOME_WORDS[current.proposal.outcome] ?? current.proposal.outcome}
                </h3>
                <ul className="small">
                  {current.proposal.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
                {current.baseline ? (
                  <p className="muted small">
                    Baseline: {dayLabel(current.baseline.from)} to {dayLabel(current.baseline.to)}.
                  </p>
                ) : null}
                <p className="small">{view.outcomeRule}</p>
              </div>
            ) : view.clinicianLed ? null : (
              <p className="muted small">
                The proposal appears from the first challenge day, from your{' '}
                <Link href={`/journal?profile=${props.profileId}`}>journal</Link>.
              </p>
            )}
            {current.proposal || view.clinicianLed ? (
              <fieldset className={styles.confirm} disabled={busy}>
                <legend className="small">Confirm the outcome</legend>
                {(['tolerated', 'reacted', 'unclear'] as const).map((o) => (
                  <button
                    key={o}
                    type="button"
                    className={current.proposal?.outcome === o ? undefined : 'secondary'}
                    onClick={() =>
                      void send('Saving', `${base}/challenges/${current.id}/outcome`, 'POST', {
                        outcome: o,
                      })
                    }
                  >
                    {OUTCOME_WORDS[o]}
                  </button>
                ))}
              </fieldset>
            ) : null}
          </div>
        </section>
      ) : null}

      {view.available ? (
        <section aria-labelledby="schedule-h">
          <div className={styles.head}>
            <h2 id="schedule-h">{started ? 'Schedule' : 'Proposed schedule'}</h2>
            {started && !view.clinicianLed ? (
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() =>
                  void send(view.pausedOn ? 'Resuming' : 'Pausing', base, 'PATCH', {
                    paused: !view.pausedOn,
                  })
                }
              >
                {view.pausedOn ? 'Resume from today' : 'Pause'}
              </button>
            ) : null}
          </div>
          {view.pausedOn ? (
            <p className="alert info">
              Paused since {dayLabel(view.pausedOn)}: no challenge is planned until you resume.
            </p>
          ) : null}
          <ol className={styles.list}>
            {view.schedule.map((item) => {
              const at = movable.findIndex((m) => m.id === item.id);
              return (
                <li
                  key={item.id}
                  className={`${styles.item} ${item.id === current?.id ? styles.current : ''}`}
                  aria-current={item.id === current?.id ? 'step' : undefined}
                >
                  <div className={styles.head}>
                    <h3>{item.label}</h3>
                    <span className="badge">
                      {statusWords(item)}
                      {item.stage > 1 || view.protocol === 'aip' ? ` · stage ${item.stage}` : ''}
                    </span>
                  </div>
                  {item.status === 'skipped' ? null : item.status === 'done' ? (
                    <p className="small muted" style={{ margin: '0.25rem 0 0' }}>
                      {item.days[0] ? `${dayLabel(item.days[0])}. ` : ''}
                      {item.maxDoseG ? `Largest dose: ${item.maxDoseG} g.` : ''}
                    </p>
                  ) : (
                    <Days item={item} />
                  )}
                  {started && at >= 0 ? (
                    <div className={styles.tools}>
                      <button
                        type="button"
                        className="secondary"
                        disabled={busy || at === 0}
                        onClick={() => move(item.id, -1)}
                        aria-label={`Move ${item.label} up`}
                      >
                        Move up
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        disabled={busy || at === movable.length - 1}
                        onClick={() => move(item.id, 1)}
                        aria-label={`Move ${item.label} down`}
                      >
                        Move down
                      </button>
                      <button
                        type="button"
                        className="ghost"
                        disabled={busy}
                        onClick={() => void send('Skipping', base, 'PATCH', { skip: [item.id] })}
                        aria-label={`Skip ${item.label}`}
                      >
                        Skip
                      </button>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}

      {started ? (
        <section aria-labelledby="results-h">
          <h2 id="results-h">Results so far</h2>
          {view.results.length === 0 ? (
            <p className="muted">No outcome confirmed yet.</p>
          ) : (
            <ul>
              {view.results.map((r) => (
                <li key={r.id}>
                  <strong>{r.label}</strong>: {OUTCOME_WORDS[r.outcome ?? ''] ?? r.outcome}
                  {r.maxDoseG ? ` (up to ${r.maxDoseG} g)` : ''}
                  {r.decidedOn ? `, ${dayLabel(r.decidedOn)}` : ''}
                </li>
              ))}
            </ul>
          )}
          <p className="muted small">
            Tolerated foods go on your personal allowed list, reacted ones on the excluded list (see
            the <Link href={`/profile?id=${props.profileId}`}>profile</Link>); they stay when you
            stop.
          </p>
          <button
            type="button"
            className="ghost"
            disabled={busy}
            onClick={() => {
              if (window.confirm('Stop reintroduction? Your personal food list stays.')) {
                void send('Stopping', base, 'DELETE');
              }
            }}
          >
            Stop reintroduction
          </button>
        </section>
      ) : null}
    </div>
  );
}
