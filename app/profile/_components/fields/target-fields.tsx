import { fieldHelpers, numberOrNull } from '../../_lib/field-a11y';
import { showsBody } from '../../_lib/profile-form-state';
import { BodyFields } from './body-fields';
import { FieldError } from './field-error';
import { type SectionProps, setValue } from './section-props';

/** Energy (default, typed or estimated from the body), protein, fiber and carbs per meal. */
export function TargetFields(props: SectionProps) {
  const { state, update, errors } = props;
  const { err, a11y } = fieldHelpers(errors);
  const set = setValue(update);
  const v = state.values;
  const mode = state.energyMode;
  return (
    <fieldset>
      <legend>Daily targets (per person)</legend>
      <div className="checks" role="radiogroup" aria-label="Energy target">
        <label>
          <input
            type="radio"
            name="energy"
            checked={mode === 'default'}
            onChange={() => update((old) => ({ ...old, energyMode: 'default' }))}
          />{' '}
          About 2,000 kcal
        </label>
        <label>
          <input
            type="radio"
            name="energy"
            checked={mode === 'typed'}
            onChange={() =>
              update((old) => ({
                ...old,
                energyMode: 'typed',
                values: { ...old.values, energyKcal: old.values.energyKcal ?? 2000 },
              }))
            }
          />{' '}
          I know my target
        </label>
        <label>
          <input
            type="radio"
            name="energy"
            checked={mode === 'body'}
            onChange={() => update((old) => ({ ...old, energyMode: 'body' }))}
          />{' '}
          Estimate it from my body (Mifflin–St Jeor)
        </label>
      </div>
      {mode === 'typed' ? (
        <div className="field" style={{ marginTop: '0.5rem' }}>
          <label htmlFor="p-energy">Energy (kcal per day)</label>
          <input
            id="p-energy"
            type="number"
            min={1000}
            max={5000}
            value={v.energyKcal ?? ''}
            onChange={(e) => set('energyKcal', numberOrNull(e.target.value))}
            {...a11y('energyKcal')}
            style={{ maxWidth: '10rem' }}
          />
          <FieldError id="energyKcal-error" errors={err('energyKcal')} />
        </div>
      ) : null}
      {mode === 'default' ? (
        <div className="hint">
          Nutrient targets use the values for women 31–50 until you add your sex and age (with
          either of the other two choices).
        </div>
      ) : null}
      {mode === 'typed' ? (
        // With the 2,000 kcal default, body data would switch energy to the estimate, so it is
        // offered only with a typed target.
        <label style={{ fontWeight: 400, marginTop: '0.5rem' }}>
          <input
            type="checkbox"
            checked={state.hasBody}
            onChange={(e) => {
              const hasBody = e.target.checked;
              update((old) => ({ ...old, hasBody }));
            }}
          />{' '}
          Add my sex, age, height and weight (for my own nutrient targets)
        </label>
      ) : null}
      {showsBody(state) ? <BodyFields {...props} /> : null}
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
            onChange={(e) => set('proteinG', numberOrNull(e.target.value))}
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
            onChange={(e) => set('fiberG', numberOrNull(e.target.value))}
            {...a11y('fiberG', 'fiber-hint')}
          />
          <div id="fiber-hint" className="hint">
            Leave empty for the default.
          </div>
          <FieldError id="fiberG-error" errors={err('fiberG')} />
        </div>
      </div>
      <CarbFields {...props} />
    </fieldset>
  );
}

/** A steady amount of carbohydrate per meal, with the tolerance a care team gave. */
function CarbFields({ state, update, errors }: SectionProps) {
  const { err, a11y } = fieldHelpers(errors);
  const set = setValue(update);
  const carbs = state.values.carbsPerMealG;
  return (
    <>
      <label style={{ fontWeight: 400, marginTop: '0.75rem' }}>
        <input
          type="checkbox"
          checked={carbs !== null}
          onChange={(e) =>
            set('carbsPerMealG', e.target.checked ? { target: 45, tolerance: 10 } : null)
          }
        />{' '}
        Keep carbohydrate per meal consistent (for example with type 1 diabetes; use the numbers
        your care team gave you)
      </label>
      {carbs ? (
        <div className="filters">
          <div>
            <label htmlFor="p-carbs">Carbs per meal (g)</label>
            <input
              id="p-carbs"
              type="number"
              value={carbs.target}
              onChange={(e) => set('carbsPerMealG', { ...carbs, target: Number(e.target.value) })}
              {...a11y('carbsPerMealG.target')}
            />
            <FieldError id="carbsPerMealG.target-error" errors={err('carbsPerMealG.target')} />
          </div>
          <div>
            <label htmlFor="p-carbs-tol">Tolerance (± g)</label>
            <input
              id="p-carbs-tol"
              type="number"
              value={carbs.tolerance}
              onChange={(e) =>
                set('carbsPerMealG', { ...carbs, tolerance: Number(e.target.value) })
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
    </>
  );
}
