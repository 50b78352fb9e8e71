import { fieldHelpers } from '../../_lib/field-a11y';
import { SLOTS } from '../../_lib/profile-values';
import { FieldError } from './field-error';
import { type SectionProps, setValue } from './section-props';

const TIMED_SLOTS = ['breakfast', 'lunch', 'snack', 'dinner'] as const;

/** The cooking budget's four numbers; ids and ranges as the API checks them. */
const COOKING_FIELDS = [
  {
    kind: 'weekday',
    key: 'sessions',
    id: 'p-cook-weekday-sessions',
    label: 'Times you cook on a weekday',
    min: 1,
    max: 4,
  },
  {
    kind: 'weekday',
    key: 'activeMinutes',
    id: 'p-cook-weekday-minutes',
    label: 'Hands-on minutes on a weekday',
    min: 10,
    max: 480,
  },
  {
    kind: 'weekend',
    key: 'sessions',
    id: 'p-cook-weekend-sessions',
    label: 'Times you cook on a weekend day',
    min: 1,
    max: 4,
  },
  {
    kind: 'weekend',
    key: 'activeMinutes',
    id: 'p-cook-weekend-minutes',
    label: 'Hands-on minutes on a weekend day',
    min: 10,
    max: 480,
  },
] as const;

/** Which meals to plan, when they are eaten, how long cooking may take and how often. */
export function MealTimeFields({ state, update, errors }: SectionProps) {
  const { err, a11y } = fieldHelpers(errors);
  const set = setValue(update);
  const v = state.values;
  return (
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
      <p className="muted small" style={{ marginTop: '0.75rem', marginBottom: 0 }}>
        How often you are willing to cook in a day, and your hands-on minutes for the whole day.
        Leftovers and put-together (no-cook) recipes need no cooking session.
      </p>
      <div className="filters" style={{ marginTop: '0.5rem' }}>
        {COOKING_FIELDS.map(({ kind, key, id, label, min, max }) => {
          const path = `cooking.${kind}.${key}`;
          return (
            <div key={id}>
              <label htmlFor={id}>{label}</label>
              <input
                id={id}
                type="number"
                min={min}
                max={max}
                value={v.cooking[kind][key]}
                onChange={(e) =>
                  set('cooking', {
                    ...v.cooking,
                    [kind]: { ...v.cooking[kind], [key]: Number(e.target.value) },
                  })
                }
                {...a11y(path)}
              />
              <FieldError id={`${path}-error`} errors={err(path)} />
            </div>
          );
        })}
      </div>
      <label style={{ fontWeight: 400, marginTop: '0.75rem' }}>
        <input
          id="p-leftovers"
          type="checkbox"
          checked={v.leftovers}
          onChange={(e) => set('leftovers', e.target.checked)}
        />{' '}
        Batch cooking: one cooking feeds up to three lunches or dinners, within the days the dish
        keeps
      </label>
      <FieldError id="leftovers-error" errors={err('leftovers')} />
      <div style={{ marginTop: '0.75rem' }}>
        <label htmlFor="p-protein-meals">
          Meals a week with the same main protein (salmon, chicken, beans…)
        </label>
        <input
          id="p-protein-meals"
          type="number"
          min={1}
          max={14}
          value={v.maxProteinMeals}
          onChange={(e) => set('maxProteinMeals', Number(e.target.value))}
          {...a11y('maxProteinMeals')}
        />
        <FieldError id="maxProteinMeals-error" errors={err('maxProteinMeals')} />
      </div>
      <details style={{ marginTop: '0.75rem' }} open={hasTimeErrors(errors) || undefined}>
        <summary>Meal times for the calendar export</summary>
        <div className="filters" style={{ marginTop: '0.5rem' }}>
          {TIMED_SLOTS.map((slot) => (
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
      </details>
    </fieldset>
  );
}

const hasTimeErrors = (errors: Record<string, string[]>) =>
  Object.keys(errors).some((k) => k.startsWith('mealTimes.'));
