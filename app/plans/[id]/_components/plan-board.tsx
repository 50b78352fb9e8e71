'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import type { PlanView } from '@/db/queries/plans';
import type { Alternative as Alternative_ } from '@/lib/planner/types';
import { callApi } from '../../../_lib/api-client';

// Types only: the server's plan view is what the page passes in.
type BoardDay = PlanView['days'][number];
type BoardMeal = BoardDay['meals'][number];
type Alternative = Alternative_ & { recipeName?: string };

const SLOT_ORDER = ['breakfast', 'lunch', 'snack', 'dinner'];
const signed = (n: number, unit: string) =>
  `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(Math.round(n))}${unit}`;

function dayLabel(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  return d.toLocaleDateString('en-US', {
    weekday: 'long',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

function TotalBar({
  label,
  value,
  target,
  unit,
  ok,
  isCeiling = false,
  atLeast = false,
}: {
  label: string;
  value: number;
  target: number;
  unit: string;
  ok: boolean;
  /** Only energy has an upper bound; more protein or fiber is not "over". */
  isCeiling?: boolean;
  /** Some ingredient has no USDA value: the total is a lower bound. */
  atLeast?: boolean;
}) {
  const shown = `${atLeast ? 'at least ' : ''}${Math.round(value)}`;
  const pct = Math.min(100, Math.round((value / Math.max(1, target)) * 100));
  return (
    <div className="small" style={{ marginBottom: '0.35rem' }}>
      <div className="spread">
        <span>{label}</span>
        <span>
          {shown} / {Math.round(target)} {unit} {ok ? '✓' : ''}
        </span>
      </div>
      <div
        className={`bar${isCeiling && value > target * 1.1 ? ' over' : ''}`}
        role="img"
        aria-label={`${label} ${shown} of ${Math.round(target)} ${unit}`}
      >
        <span style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

/** The week grid: meals by day and slot, daily totals against targets, swap, lock, regenerate. */
export function PlanBoard({ planId, days }: { planId: number; days: BoardDay[] }) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [swap, setSwap] = useState<{
    meal: BoardMeal;
    date: string;
    items: Alternative[] | null;
    error?: string;
  } | null>(null);

  async function act(key: string, url: string, method: string, body: unknown, success: string) {
    setBusy(key);
    setStatus(null);
    const res = await callApi(url, { method, body });
    setBusy(null);
    if (!res.ok) {
      setStatus({ kind: 'error', text: res.error.message });
      return false;
    }
    setStatus({ kind: 'success', text: success });
    router.refresh();
    return true;
  }

  async function openSwap(meal: BoardMeal, date: string) {
    setSwap({ meal, date, items: null });
    dialogRef.current?.showModal();
    const res = await callApi<{ items: Alternative[] }>(
      `/api/plans/${planId}/meals/${meal.id}/alternatives`,
    );
    setSwap((s) =>
      s && s.meal.id === meal.id
        ? {
            ...s,
            items: res.ok ? res.data.items : [],
            error: res.ok ? undefined : res.error.message,
          }
        : s,
    );
  }

  async function chooseSwap(slug: string) {
    if (!swap) return;
    const ok = await act(
      `swap-${swap.meal.id}`,
      `/api/plans/${planId}/meals/${swap.meal.id}/swap`,
      'POST',
      { recipeSlug: slug },
      'Meal swapped.',
    );
    if (ok) {
      dialogRef.current?.close();
      setSwap(null);
    }
  }

  return (
    <div>
      <div className="row no-print" style={{ marginBottom: '0.75rem' }}>
        <button
          type="button"
          disabled={busy !== null}
          onClick={() =>
            act(
              'regen-week',
              `/api/plans/${planId}/regenerate`,
              'POST',
              { scope: 'week', seed: Math.floor(Math.random() * 2 ** 31) },
              'Week regenerated; locked meals were kept.',
            )
          }
        >
          {busy === 'regen-week' ? <span className="spinner" aria-hidden="true" /> : null}
          Regenerate week
        </button>
        <span className="muted small">Locked meals stay as they are.</span>
      </div>
      <div aria-live="polite" className="no-print">
        {status ? (
          <div
            className={`alert ${status.kind}`}
            role={status.kind === 'error' ? 'alert' : 'status'}
            style={{ marginBottom: '0.75rem' }}
          >
            {status.text}
          </div>
        ) : null}
      </div>

      <div className="week-grid">
        {days.map((day) => (
          <section key={day.date} className="card day-card" aria-labelledby={`day-${day.date}`}>
            <div className="spread">
              <h2 id={`day-${day.date}`} style={{ margin: 0, fontSize: '1.05rem' }}>
                {dayLabel(day.date)}
              </h2>
              <button
                type="button"
                className="ghost no-print"
                disabled={busy !== null}
                onClick={() =>
                  act(
                    `regen-${day.date}`,
                    `/api/plans/${planId}/regenerate`,
                    'POST',
                    { scope: 'day', date: day.date, seed: Math.floor(Math.random() * 2 ** 31) },
                    `${dayLabel(day.date)} regenerated.`,
                  )
                }
                aria-label={`Regenerate ${dayLabel(day.date)}`}
              >
                ↻ Day
              </button>
            </div>
            <ul className="meal-list">
              {[...day.meals]
                .sort((a, b) => SLOT_ORDER.indexOf(a.slot) - SLOT_ORDER.indexOf(b.slot))
                .map((m) => (
                  <li key={m.id} className="meal" data-testid={`meal-${m.id}`}>
                    <div className="muted small meal-slot">
                      {m.slot}
                      {m.leftoverOf ? ' · leftovers' : ''}
                      {m.locked ? ' · locked' : ''}
                    </div>
                    <Link href={`/recipes/${m.recipeSlug}`} className="meal-name">
                      {m.recipeName}
                    </Link>
                    <div className="small">
                      {m.energyKcal} kcal · {m.proteinG} g protein · {m.totalMinutes} min ·{' '}
                      {m.servings} {m.servings === 1 ? 'serving' : 'servings'}
                    </div>
                    <details className="small">
                      <summary>Why this meal</summary>
                      <ul>
                        {m.explanation.parts.map((p) => (
                          <li key={p.name}>
                            {p.name}: {p.note}
                          </li>
                        ))}
                      </ul>
                    </details>
                    <div className="row no-print" style={{ marginTop: '0.25rem' }}>
                      <button
                        type="button"
                        className="secondary"
                        disabled={busy !== null}
                        onClick={() => openSwap(m, day.date)}
                        aria-label={`Swap ${m.slot} on ${dayLabel(day.date)}: ${m.recipeName}`}
                      >
                        Swap
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        aria-pressed={m.locked}
                        disabled={busy !== null}
                        onClick={() =>
                          act(
                            `lock-${m.id}`,
                            `/api/plans/${planId}/meals/${m.id}`,
                            'PATCH',
                            { locked: !m.locked },
                            m.locked ? 'Meal unlocked.' : 'Meal locked.',
                          )
                        }
                        aria-label={`${m.locked ? 'Unlock' : 'Lock'} ${m.slot} on ${dayLabel(day.date)}`}
                      >
                        {m.locked ? '🔒 Locked' : 'Lock'}
                      </button>
                    </div>
                  </li>
                ))}
            </ul>
            <div className="day-totals">
              <TotalBar
                label="Energy"
                value={day.totals.energyKcal}
                target={day.totals.targets.energyKcal}
                unit="kcal"
                ok={day.totals.energyInBand}
                isCeiling
                atLeast={day.totals.atLeast?.includes('energyKcal')}
              />
              <TotalBar
                label="Protein"
                value={day.totals.proteinG}
                target={day.totals.targets.proteinG}
                unit="g"
                ok={day.totals.proteinMet}
                atLeast={day.totals.atLeast?.includes('proteinG')}
              />
              <TotalBar
                label="Fiber"
                value={day.totals.fiberG}
                target={day.totals.targets.fiberG}
                unit="g"
                ok={day.totals.fiberMet}
                atLeast={day.totals.atLeast?.includes('fiberG')}
              />
              {day.totals.fructoseG ? (
                <TotalBar
                  label="Fructose (daily limit)"
                  value={day.totals.fructoseG.total}
                  target={day.totals.fructoseG.max}
                  unit="g"
                  ok={day.totals.fructoseG.total <= day.totals.fructoseG.max}
                  isCeiling
                />
              ) : null}
            </div>
          </section>
        ))}
      </div>

      <dialog ref={dialogRef} aria-labelledby="swap-title" onClose={() => setSwap(null)}>
        <div className="dialog-head">
          <h2 id="swap-title">Swap {swap ? `${swap.meal.slot}: ${swap.meal.recipeName}` : ''}</h2>
          <button
            type="button"
            className="ghost"
            onClick={() => dialogRef.current?.close()}
            aria-label="Close"
          >
            ✕
          </button>
        </div>
        <div className="dialog-body">
          {!swap || swap.items === null ? (
            <p>
              <span className="spinner" aria-hidden="true" /> Finding alternatives that fit your
              rules…
            </p>
          ) : swap.error ? (
            <div className="alert error" role="alert">
              {swap.error}
            </div>
          ) : swap.items.length === 0 ? (
            <p>No other recipe fits this slot with your rules and time limits.</p>
          ) : (
            <ol className="result-list" aria-label="Alternatives, best first">
              {swap.items.map((a) => (
                <li key={a.recipeSlug}>
                  <div className="spread">
                    <div>
                      <strong>{a.recipeName ?? a.recipeSlug}</strong>
                      <div className="small muted">
                        Day energy {signed(a.energyDeltaKcal, ' kcal')} · protein{' '}
                        {signed(a.proteinDeltaG, ' g')} · items to buy{' '}
                        {signed(a.itemsToBuyDelta, '')}
                      </div>
                    </div>
                    <button
                      type="button"
                      disabled={busy !== null}
                      onClick={() => chooseSwap(a.recipeSlug)}
                      aria-label={`Choose ${a.recipeName ?? a.recipeSlug}`}
                    >
                      Choose
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </div>
      </dialog>
    </div>
  );
}
