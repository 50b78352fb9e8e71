import { fieldHelpers } from '../../_lib/field-a11y';
import type { BodyValues } from '../../_lib/profile-form-state';
import { FieldError } from './field-error';
import type { SectionProps } from './section-props';

const ACTIVITIES = [
  ['sedentary', 'Sedentary (desk job, little exercise)'],
  ['light', 'Lightly active (exercise 1–3 days a week)'],
  ['moderate', 'Moderately active (3–5 days a week)'],
  ['active', 'Very active (6–7 days a week)'],
  ['very-active', 'Extra active (physical job or hard training)'],
] as const;

/** Sex, age, height, weight and activity, and pregnancy or breastfeeding for women. */
export function BodyFields({ state, update, errors }: SectionProps) {
  const { err, a11y } = fieldHelpers(errors);
  const body = state.body;
  const setBody = (next: BodyValues) => update((old) => ({ ...old, body: next }));
  return (
    <>
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
      {body.sex === 'female' ? (
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
    </>
  );
}
