'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { PlanView } from '@/db/queries/plans';
import { prepLineText } from '@/lib/export/prep-text';
import { batchText, servingsWords } from '@/lib/planner/batch-words';
import { addOnText, challengeDayText, WASHOUT_TEXT } from '@/lib/planner/challenge-words';
import { callApi } from '../../../_lib/api-client';
import { localIsoDate } from '../../../_lib/week';
import { DayTabs, panelId, tabId } from './day-tabs';
import { SwapDialog, type SwapTarget } from './swap-dialog';

// Types only: the server's plan view is what the page passes in.
type BoardDay = PlanView['days'][number];
type Band = { target: number; tolerance: number };
/** The profile's carbohydrate targets: per main meal, and per snack when it has one. */
export type CarbTargets = { meal: Band; snack: Band | null };

/** Where phones show one day at a time (the same width as in globals.css). */
const PHONE = '(max-width: 47.99rem)';

const SLOT_ORDER = ['breakfast', 'lunch', 'snack', 'dinner'];

const swapButtonId = (mealId: string) => `swap-${mealId}`;
const lockButtonId = (mealId: string) => `lock-${mealId}`;

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

const bandText = (band: Band) => `${band.target} ± ${band.tolerance} g`;

/** A meal's carbohydrate: ✓ within its target band, else the band it misses. */
function carbsText(grams: number, band: Band | null): string {
  if (!band) return `${grams} g carbs`;
  const ok = Math.abs(grams - band.target) <= band.tolerance;
  return ok ? `${grams} g carbs ✓` : `${grams} g carbs (target ${bandText(band)})`;
}

function LockIcon() {
  return (
    <svg
      className="lock-icon"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
    >
      <path d="M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3" />
    </svg>
  );
}

/**
 * The plan page: a compact head (context, the shopping list, a menu of the other actions), then
 * the week — a grid of days on wide screens, one day at a time behind day tabs on phones (CSS
 * picks; every day is rendered, so print and the server render hold the whole week). Swap,
 * lock, regenerate a day or the week — none of these for a read-only viewer (a clinician).
 */
export function PlanBoard({
  planId,
  days,
  today: serverToday,
  carbs,
  shoppingHref,
  head,
  menu,
  notices,
  shared = false,
  readOnly = false,
}: {
  planId: number;
  /** A clinician's view: the week without swap, lock or regenerate. */
  readOnly?: boolean;
  days: BoardDay[];
  /** A plan of several members: each meal shows who eats how much ("Alex 1½ servings, Sam 1"). */
  shared?: boolean;
  /** The server's date; the browser's own replaces it once the page runs. */
  today: string;
  carbs: CarbTargets | null;
  shoppingHref: string;
  head: ReactNode;
  /** Secondary actions: shown in a row on wide screens, behind "More" on phones. */
  menu: ReactNode;
  notices: ReactNode;
}) {
  const router = useRouter();
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const dates = days.map((d) => d.date);
  const [today, setToday] = useState(serverToday);
  const [selected, setSelected] = useState(dates.includes(serverToday) ? serverToday : dates[0]);
  const [isPhone, setIsPhone] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [swap, setSwap] = useState<SwapTarget | null>(null);
  /** The id of the button that gets focus back once the plan is idle (after swap, lock, close). */
  const [refocus, setRefocus] = useState<string | null>(null);

  // The browser knows the reader's date; the server may be in another time zone.
  const week = dates.join(' ');
  useEffect(() => {
    const local = localIsoDate(new Date());
    if (local === serverToday) return;
    setToday(local);
    if (week.split(' ').includes(local)) setSelected(local);
  }, [serverToday, week]);

  // The day cards are tab panels only while the tabs show.
  useEffect(() => {
    const mq = window.matchMedia(PHONE);
    const update = () => setIsPhone(mq.matches);
    update();
    mq.addEventListener('change', update);
    return () => mq.removeEventListener('change', update);
  }, []);

  // A recipe page links back to its day as #day-<date>: show that day (phones show one).
  useEffect(() => {
    const date = /^#day-(\d{4}-\d{2}-\d{2})$/.exec(window.location.hash)?.[1];
    if (!date || !week.split(' ').includes(date)) return;
    setSelected(date);
    requestAnimationFrame(() => document.getElementById(`day-${date}`)?.scrollIntoView());
  }, [week]);

  // Buttons are disabled while a change runs, which drops their focus: give it back after.
  useEffect(() => {
    if (refocus === null || busy !== null) return;
    document.getElementById(refocus)?.focus();
    setRefocus(null);
  }, [refocus, busy]);

  // Escape closes the open "More" menu and returns to its button.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || swap !== null) return;
      setMenuOpen(false);
      menuButtonRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen, swap]);

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

  async function chooseSwap(slug: string): Promise<boolean> {
    if (!swap) return false;
    return act(
      `swap-${swap.meal.id}`,
      `/api/plans/${planId}/meals/${swap.meal.id}/swap`,
      'POST',
      { recipeSlug: slug },
      'Meal swapped.',
    );
  }

  return (
    <div>
      <header className="plan-head">
        <div className="plan-head-text">{head}</div>
        <div className="plan-actions no-print">
          <Link className="button" href={shoppingHref}>
            Shopping list
          </Link>
          <button
            ref={menuButtonRef}
            type="button"
            className="secondary plan-more-toggle"
            aria-expanded={menuOpen}
            aria-controls="plan-more"
            onClick={() => setMenuOpen((o) => !o)}
          >
            More <span aria-hidden="true">{menuOpen ? '▴' : '▾'}</span>
          </button>
          <div id="plan-more" className={`plan-more${menuOpen ? ' open' : ''}`}>
            {menu}
            {readOnly ? null : (
              <>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy !== null}
                  aria-describedby="regen-hint"
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
                <span id="regen-hint" className="muted small">
                  Locked meals stay as they are.
                </span>
              </>
            )}
          </div>
        </div>
      </header>
      {notices}
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

      <DayTabs dates={dates} selected={selected ?? ''} today={today} onSelect={setSelected} />
      <div className="week-grid">
        {days.map((day) => {
          const isToday = day.date === today;
          return (
            <section
              key={day.date}
              id={panelId(day.date)}
              className={`card day-card${day.date === selected ? ' is-selected' : ''}${isToday ? ' is-today' : ''}`}
              role={isPhone ? 'tabpanel' : undefined}
              aria-labelledby={isPhone ? tabId(day.date) : `day-${day.date}`}
              aria-current={isToday ? 'date' : undefined}
            >
              <div className="day-head">
                <h2 id={`day-${day.date}`} className="day-title">
                  {dayLabel(day.date)}
                  {isToday ? <span className="badge today-badge">Today</span> : null}
                </h2>
                {readOnly ? null : (
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
                )}
              </div>
              {day.washout ? (
                <p className="small day-washout" data-testid={`washout-${day.date}`}>
                  {WASHOUT_TEXT}
                </p>
              ) : null}
              <ul className="meal-list">
                {[...day.meals]
                  .sort((a, b) => SLOT_ORDER.indexOf(a.slot) - SLOT_ORDER.indexOf(b.slot))
                  .map((m) => (
                    <li
                      key={m.id}
                      className={`meal${m.locked ? ' is-locked' : ''}${m.challenge ? ' is-challenge' : ''}`}
                      data-testid={`meal-${m.id}`}
                    >
                      <div className="muted small meal-slot">
                        {m.slot}
                        {m.leftoverOf ? ' · leftovers' : ''}
                        {m.locked ? (
                          <span className="locked-label">
                            <LockIcon /> locked
                          </span>
                        ) : null}
                      </div>
                      <Link
                        href={`/recipes/${m.recipeSlug}?plan=${planId}&meal=${m.id}`}
                        className="meal-name"
                      >
                        {m.recipeName}
                      </Link>
                      <div className="small">
                        {m.energyKcal} kcal · {m.proteinG} g protein
                        {carbs
                          ? ` · ${carbsText(m.carbsG, m.slot === 'snack' ? carbs.snack : carbs.meal)}`
                          : ''}{' '}
                        · {m.totalMinutes} min
                      </div>
                      <div className="small meal-cook">
                        {m.cook
                          ? `${m.cook.text}${m.cook.spareText ? `, ${m.cook.spareText}` : ''} · `
                          : `${servingsWords(m.servings)} from the leftovers · `}
                        {shared ? (
                          <span data-testid={`portions-${m.id}`}>{m.portionsText}</span>
                        ) : (
                          m.portionText
                        )}
                      </div>
                      {m.challenge ? (
                        <p className="small meal-challenge" data-testid={`challenge-${m.id}`}>
                          <strong>Challenge</strong> · {challengeDayText(m.challenge)}:{' '}
                          {addOnText(m.challenge, m.slot)}
                        </p>
                      ) : null}
                      {m.batch ? (
                        <div className="small muted meal-batch" data-testid={`batch-${m.id}`}>
                          {batchText(m.batch)}
                        </div>
                      ) : null}
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
                      {readOnly ? null : (
                        <div className="row no-print" style={{ marginTop: '0.25rem' }}>
                          <button
                            id={swapButtonId(m.id)}
                            type="button"
                            className="secondary"
                            disabled={busy !== null}
                            onClick={() => setSwap({ meal: m, dayLabel: dayLabel(day.date) })}
                            aria-label={`Swap ${m.slot} on ${dayLabel(day.date)}: ${m.recipeName}`}
                          >
                            Swap
                          </button>
                          <button
                            id={lockButtonId(m.id)}
                            type="button"
                            className="secondary"
                            aria-pressed={m.locked}
                            disabled={busy !== null}
                            onClick={() => {
                              setRefocus(lockButtonId(m.id));
                              act(
                                `lock-${m.id}`,
                                `/api/plans/${planId}/meals/${m.id}`,
                                'PATCH',
                                { locked: !m.locked },
                                m.locked ? 'Meal unlocked.' : 'Meal locked.',
                              );
                            }}
                            aria-label={`${m.locked ? 'Unlock' : 'Lock'} ${m.slot} on ${dayLabel(day.date)}`}
                          >
                            {m.locked ? (
                              <>
                                <LockIcon /> Locked
                              </>
                            ) : (
                              'Lock'
                            )}
                          </button>
                        </div>
                      )}
                    </li>
                  ))}
              </ul>
              {day.prep.length > 0 ? (
                <div className="small day-prep">
                  <h3 className="day-prep-title">Prep today</h3>
                  <ul>
                    {day.prep.map((line) => (
                      <li key={line.forMeal}>{prepLineText(line, day.date)}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
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
                {carbs ? (
                  <div className="small day-carbs">
                    <div className="spread">
                      <span>Carbohydrate</span>
                      <span>
                        {day.totals.atLeast?.includes('carbsG') ? 'at least ' : ''}
                        {Math.round(day.totals.carbsG)} g
                      </span>
                    </div>
                    <div className="muted">
                      Target per meal {bandText(carbs.meal)}
                      {carbs.snack ? `, per snack ${bandText(carbs.snack)}` : ''}
                    </div>
                  </div>
                ) : null}
                {day.totals.cooking ? (
                  <div className="small muted day-cooking">
                    Cooking: {day.totals.cooking.sessions} of {day.totals.cooking.budget.sessions}{' '}
                    {day.totals.cooking.budget.sessions === 1 ? 'session' : 'sessions'},{' '}
                    {Math.round(day.totals.cooking.activeMinutes)} of{' '}
                    {day.totals.cooking.budget.activeMinutes} hands-on min
                  </div>
                ) : null}
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
          );
        })}
      </div>

      <SwapDialog
        planId={planId}
        target={swap}
        busy={busy !== null}
        onChoose={chooseSwap}
        onClosed={() => {
          // After Choose, Escape or ✕: back to the Swap button of the meal (it keeps its id).
          if (swap) setRefocus(swapButtonId(swap.meal.id));
          setSwap(null);
        }}
      />
    </div>
  );
}
