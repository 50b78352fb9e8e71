import { fieldHelpers } from '../../_lib/field-a11y';
import { FieldError } from './field-error';
import { type SectionProps, setValue } from './section-props';

/** The profile's name and how many people each meal is cooked for. */
export function AboutFields({ state, update, errors }: SectionProps) {
  const { err, a11y } = fieldHelpers(errors);
  const set = setValue(update);
  const v = state.values;
  return (
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
  );
}
