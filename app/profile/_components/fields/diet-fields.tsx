import { useState } from 'react';
import { GROUP_LABELS } from '@/lib/protocols/labels';
import { fieldHelpers } from '../../_lib/field-a11y';
import { FieldError } from './field-error';
import { type ProtocolSectionProps, setValue, toggled } from './section-props';

/** Groups a person can leave out on top of the protocol, in the order the form lists them. */
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

/** The everyday diet (omnivore, vegetarian…) and the groups to leave out as well. */
export function DietFields({ state, update, errors, protocols }: ProtocolSectionProps) {
  const { err, a11y } = fieldHelpers(errors);
  const set = setValue(update);
  const v = state.values;
  const diets = protocols.filter((p) => p.kind === 'diet');
  // A long list most people skip: closed until something in it is chosen or refused.
  const [avoidOpen, setAvoidOpen] = useState(v.avoid.length > 0);
  const avoidError = err('avoid').length > 0;
  return (
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
      <details
        className="avoid-more"
        open={avoidOpen || avoidError}
        onToggle={(e) => setAvoidOpen(e.currentTarget.open)}
      >
        <summary>
          Also leave out{v.avoid.length > 0 ? ` (${v.avoid.length} chosen)` : ' (optional)'}
        </summary>
        <div
          id="p-avoid"
          className="checks"
          role="group"
          aria-label="Also leave out"
          {...a11y('avoid')}
        >
          {AVOID_CODES.map((code) => (
            <label key={code}>
              <input
                type="checkbox"
                checked={v.avoid.includes(code)}
                onChange={() => set('avoid', toggled(v.avoid, code))}
              />{' '}
              {GROUP_LABELS[code]}
            </label>
          ))}
        </div>
      </details>
      <FieldError id="avoid-error" errors={err('avoid')} />
    </fieldset>
  );
}
