import { fieldHelpers } from '../../_lib/field-a11y';
import { FoodPicker } from '../food-picker';
import { FieldError } from './field-error';
import { type SectionProps, setValue } from './section-props';

/** Single foods the person does not want, picked from the food database. */
export function DislikeFields({ state, update, errors }: SectionProps) {
  const { err, describedBy } = fieldHelpers(errors);
  const set = setValue(update);
  return (
    <fieldset>
      <legend>Dislikes</legend>
      <div id="p-dislikes" className="field">
        <FoodPicker
          value={state.values.dislikes}
          onChange={(d) => set('dislikes', d)}
          describedBy={describedBy('dislikes')}
        />
        <FieldError id="dislikes-error" errors={err('dislikes')} />
      </div>
    </fieldset>
  );
}
