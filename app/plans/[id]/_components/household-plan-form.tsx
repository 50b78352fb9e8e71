'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { addDays } from '@/lib/planner/dates';
import { callApi } from '../../../_lib/api-client';
import { existingPlanOf } from '../../../profile/_lib/profile-api';

/** `energyKcal` is null for a profile the viewer may not read (a member sees only their own). */
type Person = { id: number; name: string; energyKcal: number | null };

/**
 * One plan for several people: tick the members (the first ticked owns the plan), pick the
 * week, and every meal follows all their restrictions with a portion each. A week the first
 * member already has a plan for asks before replacing it.
 */
export function HouseholdPlanForm({
  people,
  thisWeek,
  checked = [],
}: {
  people: Person[];
  /** This week's Monday (YYYY-MM-DD), as the server sees it. */
  thisWeek: string;
  /** Members ticked at first (the plan's own). */
  checked?: number[];
}) {
  const router = useRouter();
  const id = useId();
  const [members, setMembers] = useState<number[]>(checked);
  const [week, setWeek] = useState(thisWeek);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [existing, setExisting] = useState<number | null>(null);

  const toggle = (personId: number, on: boolean) =>
    setMembers((now) => (on ? [...now, personId] : now.filter((x) => x !== personId)));

  async function make(replace: boolean) {
    if (members.length < 2) {
      setError('Choose at least two people: a plan for one is made from their profile.');
      return;
    }
    setBusy(true);
    setError(null);
    const res = await callApi<{ id: number }>('/api/plans', {
      method: 'POST',
      body: { memberIds: members, weekStart: week, ...(replace ? { replace: true } : {}) },
    });
    if (res.ok) {
      router.push(`/plans/${res.data.id}`);
      return;
    }
    setBusy(false);
    const found = res.status === 409 ? existingPlanOf(res.error.details) : null;
    if (found) {
      setExisting(found.planId);
      return;
    }
    setError(res.error.message);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void make(false);
  }

  const first = people.find((p) => p.id === members[0]);
  return (
    <details className="household-plan no-print">
      <summary>Plan for several people</summary>
      <form onSubmit={submit} aria-describedby={`${id}-hint`}>
        <p id={`${id}-hint`} className="small muted">
          Everyone eats the same meals, chosen so that each meal follows every person&apos;s
          restrictions; each gets a portion from their own energy target.
        </p>
        <fieldset>
          <legend>Who eats</legend>
          {people.map((p) => (
            <label key={p.id} className="check-row">
              <input
                type="checkbox"
                name="memberIds"
                value={p.id}
                checked={members.includes(p.id)}
                onChange={(e) => toggle(p.id, e.target.checked)}
              />{' '}
              {p.name}{' '}
              {p.energyKcal === null ? null : (
                <span className="muted small">({p.energyKcal} kcal a day)</span>
              )}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Week</legend>
          <label className="check-row">
            <input
              type="radio"
              name="week"
              checked={week === thisWeek}
              onChange={() => setWeek(thisWeek)}
            />{' '}
            This week
          </label>
          <label className="check-row">
            <input
              type="radio"
              name="week"
              checked={week === addDays(thisWeek, 7)}
              onChange={() => setWeek(addDays(thisWeek, 7))}
            />{' '}
            Next week
          </label>
        </fieldset>
        {error ? (
          <p className="alert error" role="alert">
            {error}
          </p>
        ) : null}
        {existing !== null ? (
          <div className="alert info" role="alert">
            <p>
              {first?.name ?? 'The first person'} already has a plan for that week. Replace it with
              the shared plan?
            </p>
            <button type="button" className="button" disabled={busy} onClick={() => make(true)}>
              Replace it
            </button>{' '}
            <a className="button secondary" href={`/plans/${existing}`}>
              Open it
            </a>
          </div>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Planning…' : 'Make the shared plan'}
        </button>
      </form>
    </details>
  );
}
