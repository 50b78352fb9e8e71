import { ALLERGEN_LABELS } from '@/lib/protocols/labels';
import { fieldHelpers } from '../../_lib/field-a11y';
import { FieldError } from './field-error';
import { type SectionProps, setValue, toggled } from './section-props';

/** Allergies and intolerances: never relaxed by the planner. */
export function AllergyFields({ state, update, errors }: SectionProps) {
  const { err, a11y } = fieldHelpers(errors);
  const set = setValue(update);
  const v = state.values;
  return (
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
              onChange={() => set('allergens', toggled(v.allergens, code))}
            />{' '}
            {label}
          </label>
        ))}
      </div>
      <FieldError id="allergens-error" errors={err('allergens')} />
    </fieldset>
  );
}
