'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { NUTRIENT_OVERRIDE_KEYS } from '@/lib/nutrition/nutrient-model';
import type { Diagnosis } from '@/lib/planner/types';
import { ALLERGEN_LABELS, GROUP_LABELS } from '@/lib/protocols/labels';
import { DiagnosisDetails } from '../../_components/diagnosis-details';
import { callApi } from '../../_lib/api-client';
import { mondayOf } from '../../_lib/week';
import { errorSummary, invalidFields, personFieldErrors } from '../_lib/field-messages';
import { OVERRIDE_LABELS } from '../_lib/nutrient-labels';
import {
  dislikesPayload,
  type ProfileValues,
  type ProtocolOption,
  SLOTS,
} from '../_lib/profile-values';
import { FoodPicker } from './food-picker';

const AVOID_CODES = [
  'nightshade',
  'legume',
  'grain',
  'dairy',
  'egg',
  'soy',
  'nut',
  'seed',
  'pork',
  'red-meat',
  'poultry',
  'fish',
  'shellfish',
  'coffee',
  'alcohol',
  'high-fodmap',
  // FODMAP subgroups and fructan parts, for personalisation after the challenges
  'fodmap-fructose',
  'fodmap-lactose',
  'fructan-wheat',
  'fructan-garlic',
  'fructan-onion',
  'fodmap-gos',
  'fodmap-sorbitol',
  'fodmap-mannitol',
  'organ-meat',
] as const;
const ACTIVITIES = [
  ['sedentary', 'Sedentary (desk job, little exercise)'],
  ['light', 'Lightly active (exercise 1–3 days a week)'],
  ['moderate', 'Moderately active (3–5 days a week)'],
  ['active', 'Very active (6–7 days a week)'],
  ['very-active', 'Extra active (physical job or hard training)'],
] as const;

type EnergyMode = 'default' | 'typed' | 'body';

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors || errors.length === 0) return null;
  return (
    <div id={id} className="field-error">
      {errors.join(' ')}
    </div>
  );
}

/** Profile editor; on create it can go straight on to the first plan (onboarding). */
export function ProfileForm({
  protocols,
  initial,
  mode,
}: {
  protocols: ProtocolOption[];
  initial: ProfileValues;
  mode: 'create' | 'edit';
}) {
  const router = useRouter();
  const [v, setV] = useState<ProfileValues>(initial);
  const [energyMode, setEnergyMode] = useState<EnergyMode>(
    initial.energyKcal !== null ? 'typed' : initial.body ? 'body' : 'default',
  );
  const [body, setBody] = useState(
    initial.body ?? {
      sex: 'female' as const,
      ageYears: 35,
      heightCm: 168,
      weightKg: 65,
      activity: 'light',
      pregnant: false,
      lactating: false,
    },
  );
  // Body data with a typed energy target: sex and age still set the nutrient targets. (With
  // the 2,000 kcal default, body data would switch energy to the estimate, so it is not offered.)
  const [hasBody, setHasBody] = useState(initial.body !== null);
  const showBody = energyMode === 'body' || (energyMode === 'typed' && hasBody);
  const [overridesOpen, setOverridesOpen] = useState(
    Object.keys(initial.nutrientTargets).length > 0,
  );
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{
    kind: 'error' | 'success';
    text: string;
    diagnosis?: Diagnosis;
  } | null>(null);
  const [busy, setBusy] = useState(false);

  const protocolList = protocols.filter((p) => p.kind === 'protocol');
  const diets = protocols.filter((p) => p.kind === 'diet');
  const current = protocolList.find((p) => p.id === v.protocol);
  const set = <K extends keyof ProfileValues>(key: K, value: ProfileValues[K]) =>
    setV((old) => ({ ...old, [key]: value }));
  const toggle = (list: string[], code: string) =>
    list.includes(code) ? list.filter((c) => c !== code) : [...list, code];
  const err = (...keys: string[]) =>
    keys.flatMap((k) =>
      Object.entries(errors)
        .filter(([f]) => f === k || f.startsWith(`${k}.`))
        .flatMap(([, m]) => m),
    );
  const describedBy = (key: string) => (err(key).length ? `${key}-error` : undefined);
  /** aria-invalid and aria-describedby (the error, then the hint) for a field's control. */
  const a11y = (key: string, hint?: string) => {
    const ids = [describedBy(key), hint].filter(Boolean).join(' ');
    return {
      'aria-invalid': err(key).length > 0 ? true : undefined,
      'aria-describedby': ids || undefined,
    };
  };
  // After a failed save, focus goes to the first field with an error (the summary without one).
  const focusPending = useRef(false);
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    for (const field of invalidFields(errors)) {
      const el = document.getElementById(field.control);
      if (!el) continue;
      const target = el.matches('input, select, textarea, button')
        ? el
        : el.querySelector<HTMLElement>('input, select, textarea, button');
      if (target) {
        target.focus();
        return;
      }
    }
    statusRef.current?.focus();
  }, [errors]);

  const payload = () => ({
    name: v.name,
    householdSize: v.householdSize,
    protocol: v.protocol,
    phase: v.phase,
    allergens: v.allergens,
    avoid: v.avoid,
    diet: v.diet,
    ...dislikesPayload(v.dislikes),
    energyKcal: energyMode === 'typed' ? v.energyKcal : null,
    body: showBody ? body : null,
    proteinG: v.proteinG,
    fiberG: v.fiberG,
    slots: v.slots,
    maxMinutes: v.maxMinutes,
    leftovers: v.leftovers,
    carbsPerMealG: v.carbsPerMealG,
    mealTimes: v.mealTimes,
    clinicianSupervised: v.clinicianSupervised,
    nutrientTargets: v.nutrientTargets,
  });

  async function submit(e: FormEvent, thenPlan: boolean) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    const isEdit = mode === 'edit' && v.id !== undefined;
    const res = await callApi<{ id: number }>(isEdit ? `/api/profiles/${v.id}` : '/api/profiles', {
      method: isEdit ? 'PATCH' : 'POST',
      body: payload(),
    });
    if (!res.ok) {
      setErrors(personFieldErrors(res.error.fieldErrors));
      if (Object.keys(res.error.fieldErrors ?? {}).some((f) => f.startsWith('nutrientTargets'))) {
        setOverridesOpen(true);
      }
      setMessage({ kind: 'error', text: errorSummary(res.error.fieldErrors, res.error.message) });
      setBusy(false);
      focusPending.current = true;
      return;
    }
    setErrors({});
    if (thenPlan) {
      const plan = await callApi<{ id: number }>('/api/plans', {
        method: 'POST',
        body: { profileId: res.data.id, weekStart: mondayOf(new Date()) },
      });
      if (plan.ok) {
        router.push(`/plans/${plan.data.id}`);
        return;
      }
      setMessage({
        kind: 'error',
        text: `Your profile is saved, but no plan could be made: ${plan.error.message}`,
        diagnosis: plan.error.details as Diagnosis | undefined,
      });
      setBusy(false);
      if (!isEdit) router.replace(`/profile?id=${res.data.id}`);
      return;
    }
    setMessage({ kind: 'success', text: 'Profile saved.' });
    setBusy(false);
    if (!isEdit) router.replace(`/profile?id=${res.data.id}`);
    router.refresh();
  }

  const num = (s: string) => (s.trim() === '' ? null : Number(s));

  return (
    <form onSubmit={(e) => submit(e, mode === 'create')} noValidate aria-describedby="form-status">
      <div id="form-status" aria-live="polite" ref={statusRef} tabIndex={-1}>
        {message ? (
          <div
            className={`alert ${message.kind}`}
            role={message.kind === 'error' ? 'alert' : 'status'}
            style={{ marginBottom: '1rem' }}
          >
            {message.text}
            <DiagnosisDetails diagnosis={message.diagnosis} />
          </div>
        ) : null}
      </div>

      <fieldset>
        <legend>About you</legend>
        <div className="field">
          <label htmlFor="p-name">Profile name</label>
          <input
            id="p-name"
            type="text"
            value={v.name}
            onChange={(e) => set('name', e.target.value)}
            {...a11y('name')}
            required
          />
          <FieldError id="name-error" errors={err('name')} />
        </div>
        <div className="field">
          <label htmlFor="p-household">People you cook for</label>
          <input
            id="p-household"
            type="number"
            min={1}
            max={12}
            value={v.householdSize}
            onChange={(e) => set('householdSize', Number(e.target.value))}
            {...a11y('householdSize', 'household-hint')}
            style={{ maxWidth: '8rem' }}
          />
          <div id="household-hint" className="hint">
            Each meal is cooked for this many servings; the shopping list scales with it.
          </div>
          <FieldError id="householdSize-error" errors={err('householdSize')} />
        </div>
      </fieldset>

      <fieldset>
        <legend>Protocol</legend>
        <div
          id="p-protocol"
          role="radiogroup"
          aria-label="Protocol"
          {...a11y('protocol')}
          className="grid"
          style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))' }}
        >
          {protocolList.map((p) => (
            <label
              key={p.id}
              className="card"
              style={{
                fontWeight: 400,
                cursor: 'pointer',
                borderColor: v.protocol === p.id ? 'var(--brand)' : undefined,
              }}
            >
              <input
                type="radio"
                name="protocol"
                value={p.id}
                checked={v.protocol === p.id}
                onChange={() =>
                  setV((old) => ({
                    ...old,
                    protocol: p.id,
                    phase: p.phases[0]?.id ?? 'elimination',
                  }))
                }
              />{' '}
              <strong>{p.name}</strong>
              <div className="small muted">{p.summary}</div>
            </label>
          ))}
        </div>
        <FieldError id="protocol-error" errors={err('protocol')} />
        {current ? (
          <div className="field" style={{ marginTop: '0.75rem' }}>
            <label htmlFor="p-phase">Phase</label>
            <select
              id="p-phase"
              value={v.phase}
              onChange={(e) => set('phase', e.target.value)}
              {...a11y('phase', 'phase-hint')}
            >
              {current.phases.map((ph) => (
                <option key={ph.id} value={ph.id}>
                  {ph.name}
                </option>
              ))}
            </select>
            <div id="phase-hint" className="hint">
              {current.phases.find((ph) => ph.id === v.phase)?.summary}
            </div>
            <FieldError id="phase-error" errors={err('phase')} />
          </div>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>Allergies and intolerances</legend>
        <p id="allergens-hint" className="hint">
          A food that only may contain one of these is left out too.
        </p>
        <div
          id="p-allergens"
          className="checks"
          role="group"
          aria-label="Allergies"
          {...a11y('allergens', 'allergens-hint')}
        >
          {Object.entries(ALLERGEN_LABELS).map(([code, label]) => (
            <label key={code}>
              <input
                type="checkbox"
                checked={v.allergens.includes(code)}
                onChange={() => set('allergens', toggle(v.allergens, code))}
              />{' '}
              {label}
            </label>
          ))}
        </div>
        <FieldError id="allergens-error" errors={err('allergens')} />
      </fieldset>

      <fieldset>
        <legend>Diet</legend>
        <div
          id="p-diet"
          className="checks"
          role="radiogroup"
          aria-label="Everyday diet"
          {...a11y('diet')}
        >
          {diets.map((d) => (
            <label key={d.id}>
              <input
                type="radio"
                name="diet"
                value={d.id}
                checked={v.diet === d.id}
                onChange={() => set('diet', d.id)}
              />{' '}
              {d.name}
            </label>
          ))}
        </div>
        <FieldError id="diet-error" errors={err('diet')} />
        <h3 id="avoid-h">Also leave out</h3>
        <div
          id="p-avoid"
          className="checks"
          role="group"
          aria-labelledby="avoid-h"
          {...a11y('avoid')}
        >
          {AVOID_CODES.map((code) => (
            <label key={code}>
              <input
                type="checkbox"
                checked={v.avoid.includes(code)}
                onChange={() => set('avoid', toggle(v.avoid, code))}
              />{' '}
              {GROUP_LABELS[code]}
            </label>
          ))}
        </div>
        <FieldError id="avoid-error" errors={err('avoid')} />
        <div id="p-dislikes" className="field" style={{ marginTop: '0.75rem' }}>
          <FoodPicker
            value={v.dislikes}
            onChange={(d) => set('dislikes', d)}
            describedBy={describedBy('dislikes')}
          />
          <FieldError id="dislikes-error" errors={err('dislikes')} />
        </div>
      </fieldset>

      <fieldset>
        <legend>Meals and time</legend>
        <div
          id="p-slots"
          className="checks"
          aria-label="Meals to plan"
          role="group"
          {...a11y('slots')}
        >
          {SLOTS.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={v.slots.includes(s)}
                onChange={() =>
                  set(
                    'slots',
                    SLOTS.filter((x) => (x === s ? !v.slots.includes(s) : v.slots.includes(x))),
                  )
                }
              />{' '}
              {s}
            </label>
          ))}
        </div>
        <FieldError id="slots-error" errors={err('slots')} />
        <div className="filters" style={{ marginTop: '0.75rem' }}>
          {(['breakfast', 'lunch', 'snack', 'dinner'] as const).map((slot) => (
            <div key={slot}>
              <label htmlFor={`p-time-${slot}`}>Calendar time for {slot}</label>
              <input
                id={`p-time-${slot}`}
                type="time"
                value={v.mealTimes[slot]}
                onChange={(e) => set('mealTimes', { ...v.mealTimes, [slot]: e.target.value })}
                {...a11y(`mealTimes.${slot}`)}
              />
              <FieldError id={`mealTimes.${slot}-error`} errors={err(`mealTimes.${slot}`)} />
            </div>
          ))}
        </div>
        <div className="filters" style={{ marginTop: '0.75rem' }}>
          <div>
            <label htmlFor="p-weekday">Max minutes on weekdays</label>
            <input
              id="p-weekday"
              type="number"
              min={5}
              max={300}
              value={v.maxMinutes.weekday}
              onChange={(e) =>
                set('maxMinutes', { ...v.maxMinutes, weekday: Number(e.target.value) })
              }
              {...a11y('maxMinutes.weekday')}
            />
            <FieldError id="maxMinutes.weekday-error" errors={err('maxMinutes.weekday')} />
          </div>
          <div>
            <label htmlFor="p-weekend">Max minutes on weekends</label>
            <input
              id="p-weekend"
              type="number"
              min={5}
              max={300}
              value={v.maxMinutes.weekend}
              onChange={(e) =>
                set('maxMinutes', { ...v.maxMinutes, weekend: Number(e.target.value) })
              }
              {...a11y('maxMinutes.weekend')}
            />
            <FieldError id="maxMinutes.weekend-error" errors={err('maxMinutes.weekend')} />
          </div>
        </div>
        <label style={{ fontWeight: 400, marginTop: '0.75rem' }}>
          <input
            id="p-leftovers"
            type="checkbox"
            checked={v.leftovers}
            onChange={(e) => set('leftovers', e.target.checked)}
          />{' '}
          Cook dinner for two days and eat the rest at the next day’s lunch
        </label>
        <FieldError id="leftovers-error" errors={err('leftovers')} />
      </fieldset>

      <fieldset>
        <legend>Daily targets (per person)</legend>
        <div className="checks" role="radiogroup" aria-label="Energy target">
          <label>
            <input
              type="radio"
              name="energy"
              checked={energyMode === 'default'}
              onChange={() => setEnergyMode('default')}
            />{' '}
            About 2,000 kcal
          </label>
          <label>
            <input
              type="radio"
              name="energy"
              checked={energyMode === 'typed'}
              onChange={() => {
                setEnergyMode('typed');
                if (v.energyKcal === null) set('energyKcal', 2000);
              }}
            />{' '}
            I know my target
          </label>
          <label>
            <input
              type="radio"
              name="energy"
              checked={energyMode === 'body'}
              onChange={() => setEnergyMode('body')}
            />{' '}
            Estimate it from my body (Mifflin–St Jeor)
          </label>
        </div>
        {energyMode === 'typed' ? (
          <div className="field" style={{ marginTop: '0.5rem' }}>
            <label htmlFor="p-energy">Energy (kcal per day)</label>
            <input
              id="p-energy"
              type="number"
              min={1000}
              max={5000}
              value={v.energyKcal ?? ''}
              onChange={(e) => set('energyKcal', num(e.target.value))}
              {...a11y('energyKcal')}
              style={{ maxWidth: '10rem' }}
            />
            <FieldError id="energyKcal-error" errors={err('energyKcal')} />
          </div>
        ) : null}
        {energyMode === 'default' ? (
          <div className="hint">
            Nutrient targets use the values for women 31–50 until you add your sex and age (with
            either of the other two choices).
          </div>
        ) : null}
        {energyMode === 'typed' ? (
          <label style={{ fontWeight: 400, marginTop: '0.5rem' }}>
            <input
              type="checkbox"
              checked={hasBody}
              onChange={(e) => setHasBody(e.target.checked)}
            />{' '}
            Add my sex, age, height and weight (for my own nutrient targets)
          </label>
        ) : null}
        {showBody ? (
          <div className="filters" style={{ marginTop: '0.5rem' }}>
            <div>
              <label htmlFor="p-sex">Sex</label>
              <select
                id="p-sex"
                value={body.sex}
                {...a11y('body.sex')}
                onChange={(e) => {
                  const sex = e.target.value as 'female' | 'male';
                  setBody(
                    sex === 'male'
                      ? { ...body, sex, pregnant: false, lactating: false }
                      : { ...body, sex },
                  );
                }}
              >
                <option value="female">female</option>
                <option value="male">male</option>
              </select>
              <FieldError id="body.sex-error" errors={err('body.sex')} />
            </div>
            <div>
              <label htmlFor="p-age">Age (years)</label>
              <input
                id="p-age"
                type="number"
                value={body.ageYears}
                onChange={(e) => setBody({ ...body, ageYears: Number(e.target.value) })}
                {...a11y('body.ageYears')}
              />
              <FieldError id="body.ageYears-error" errors={err('body.ageYears')} />
            </div>
            <div>
              <label htmlFor="p-height">Height (cm)</label>
              <input
                id="p-height"
                type="number"
                value={body.heightCm}
                onChange={(e) => setBody({ ...body, heightCm: Number(e.target.value) })}
                {...a11y('body.heightCm')}
              />
              <FieldError id="body.heightCm-error" errors={err('body.heightCm')} />
            </div>
            <div>
              <label htmlFor="p-weight">Weight (kg)</label>
              <input
                id="p-weight"
                type="number"
                value={body.weightKg}
                onChange={(e) => setBody({ ...body, weightKg: Number(e.target.value) })}
                {...a11y('body.weightKg')}
              />
              <FieldError id="body.weightKg-error" errors={err('body.weightKg')} />
            </div>
            <div>
              <label htmlFor="p-activity">Activity</label>
              <select
                id="p-activity"
                value={body.activity}
                {...a11y('body.activity')}
                onChange={(e) => setBody({ ...body, activity: e.target.value })}
              >
                {ACTIVITIES.map(([id, label]) => (
                  <option key={id} value={id}>
                    {label}
                  </option>
                ))}
              </select>
              <FieldError id="body.activity-error" errors={err('body.activity')} />
            </div>
          </div>
        ) : null}
        {showBody && body.sex === 'female' ? (
          <div className="checks" role="group" aria-label="Pregnancy and breastfeeding">
            <label>
              <input
                id="p-pregnant"
                type="checkbox"
                checked={body.pregnant ?? false}
                onChange={(e) => setBody({ ...body, pregnant: e.target.checked })}
                {...a11y('body.pregnant')}
              />{' '}
              Pregnant
            </label>
            <label>
              <input
                id="p-lactating"
                type="checkbox"
                checked={body.lactating ?? false}
                onChange={(e) => setBody({ ...body, lactating: e.target.checked })}
                {...a11y('body.lactating')}
              />{' '}
              Breastfeeding
            </label>
          </div>
        ) : null}
        <FieldError id="body.pregnant-error" errors={err('body.pregnant')} />
        <FieldError id="body.lactating-error" errors={err('body.lactating')} />
        <div className="filters" style={{ marginTop: '0.75rem' }}>
          <div>
            <label htmlFor="p-protein">Protein (g per day)</label>
            <input
              id="p-protein"
              type="number"
              placeholder="1 g per kg"
              value={v.proteinG ?? ''}
              onChange={(e) => set('proteinG', num(e.target.value))}
              {...a11y('proteinG', 'protein-hint')}
            />
            <div id="protein-hint" className="hint">
              Leave empty for the default.
            </div>
            <FieldError id="proteinG-error" errors={err('proteinG')} />
          </div>
          <div>
            <label htmlFor="p-fiber">Fiber (g per day)</label>
            <input
              id="p-fiber"
              type="number"
              placeholder="14 g per 1,000 kcal"
              value={v.fiberG ?? ''}
              onChange={(e) => set('fiberG', num(e.target.value))}
              {...a11y('fiberG', 'fiber-hint')}
            />
            <div id="fiber-hint" className="hint">
              Leave empty for the default.
            </div>
            <FieldError id="fiberG-error" errors={err('fiberG')} />
          </div>
        </div>
        <label style={{ fontWeight: 400, marginTop: '0.75rem' }}>
          <input
            type="checkbox"
            checked={v.carbsPerMealG !== null}
            onChange={(e) =>
              set('carbsPerMealG', e.target.checked ? { target: 45, tolerance: 10 } : null)
            }
          />{' '}
          Keep carbohydrate per meal consistent (for example with type 1 diabetes; use the numbers
          your care team gave you)
        </label>
        {v.carbsPerMealG ? (
          <div className="filters">
            <div>
              <label htmlFor="p-carbs">Carbs per meal (g)</label>
              <input
                id="p-carbs"
                type="number"
                value={v.carbsPerMealG.target}
                onChange={(e) =>
                  set('carbsPerMealG', {
                    target: Number(e.target.value),
                    tolerance: v.carbsPerMealG?.tolerance ?? 10,
                  })
                }
                {...a11y('carbsPerMealG.target')}
              />
              <FieldError id="carbsPerMealG.target-error" errors={err('carbsPerMealG.target')} />
            </div>
            <div>
              <label htmlFor="p-carbs-tol">Tolerance (± g)</label>
              <input
                id="p-carbs-tol"
                type="number"
                value={v.carbsPerMealG.tolerance}
                onChange={(e) =>
                  set('carbsPerMealG', {
                    target: v.carbsPerMealG?.target ?? 45,
                    tolerance: Number(e.target.value),
                  })
                }
                {...a11y('carbsPerMealG.tolerance')}
              />
              <FieldError
                id="carbsPerMealG.tolerance-error"
                errors={err('carbsPerMealG.tolerance')}
              />
            </div>
          </div>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>Clinician</legend>
        <label style={{ fontWeight: 400 }}>
          <input
            id="p-clinician"
            type="checkbox"
            checked={v.clinicianSupervised}
            onChange={(e) => set('clinicianSupervised', e.target.checked)}
            {...a11y('clinicianSupervised', 'clinician-hint')}
          />{' '}
          Planned with my clinician or dietitian
        </label>
        <div id="clinician-hint" className="hint">
          Needed under 18, and for an energy target below 1,200 kcal (women) or 1,500 kcal (men) or
          below your resting energy.
        </div>
        <FieldError id="clinicianSupervised-error" errors={err('clinicianSupervised')} />
        <details
          style={{ marginTop: '0.75rem' }}
          open={overridesOpen}
          onToggle={(e) => setOverridesOpen(e.currentTarget.open)}
        >
          <summary>Advanced: clinician overrides</summary>
          <p className="hint">
            Values your clinician or dietitian gave you, per day. Leave a field empty for the
            default shown in the nutrient targets table.
          </p>
          <div className="filters">
            {NUTRIENT_OVERRIDE_KEYS.map((key) => {
              const field = `nutrientTargets.${key}`;
              return (
                <div key={key}>
                  <label htmlFor={`p-nt-${key}`}>
                    {OVERRIDE_LABELS[key].label} ({OVERRIDE_LABELS[key].unit})
                  </label>
                  <input
                    id={`p-nt-${key}`}
                    type="number"
                    inputMode="decimal"
                    value={v.nutrientTargets[key] ?? ''}
                    onChange={(e) => {
                      const value = num(e.target.value);
                      const { [key]: _old, ...rest } = v.nutrientTargets;
                      set('nutrientTargets', value === null ? rest : { ...rest, [key]: value });
                    }}
                    {...a11y(field)}
                  />
                  <FieldError id={`${field}-error`} errors={err(field)} />
                </div>
              );
            })}
          </div>
          <FieldError id="nutrientTargets-error" errors={errors.nutrientTargets} />
        </details>
      </fieldset>

      <div className="row">
        <button type="submit" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {mode === 'create' ? 'Save and plan my week' : 'Save profile'}
        </button>
        {mode === 'edit' ? (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={(e) => submit(e as unknown as FormEvent, true)}
          >
            Save and make a new plan
          </button>
        ) : null}
      </div>
    </form>
  );
}
