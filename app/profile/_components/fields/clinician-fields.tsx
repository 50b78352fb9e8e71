import { useEffect, useState } from 'react';
import { NUTRIENT_OVERRIDE_KEYS } from '@/lib/nutrition/nutrient-model';
import { fieldHelpers, numberOrNull } from '../../_lib/field-a11y';
import { OVERRIDE_LABELS } from '../../_lib/nutrient-labels';
import { FieldError } from './field-error';
import { type SectionProps, setValue } from './section-props';

/** "Planned with my clinician" and the values a clinician set (behind a disclosure). */
export function ClinicianFields({ state, update, errors }: SectionProps) {
  const { err, a11y } = fieldHelpers(errors);
  const set = setValue(update);
  const v = state.values;
  const [open, setOpen] = useState(Object.keys(v.nutrientTargets).length > 0);
  const overrideError = Object.keys(errors).some((f) => f.startsWith('nutrientTargets'));
  // A refused override must be visible: open the disclosure when one comes back.
  useEffect(() => {
    if (overrideError) setOpen(true);
  }, [overrideError]);
  return (
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
        open={open || overrideError}
        onToggle={(e) => setOpen(e.currentTarget.open)}
      >
        <summary>Advanced: clinician overrides</summary>
        <p className="hint">
          Values your clinician or dietitian gave you, per day. Leave a field empty for the default
          shown in the nutrient targets table.
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
                    const value = numberOrNull(e.target.value);
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
  );
}
