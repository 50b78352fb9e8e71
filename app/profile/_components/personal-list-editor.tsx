'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import type { PersonalEntry, PersonalList } from '@/lib/reintroduction/types';
import { callApi } from '../../_lib/api-client';
import {
  entryDetails,
  entryKey,
  KIND_WORDS,
  type PersonalOption,
  type PersonalSide,
  withEntry,
  withoutEntry,
} from '../_lib/personal-entries';
import type { DislikeChoice } from '../_lib/profile-values';
import { FoodPicker } from './food-picker';

type Props = {
  profileId: number;
  initial: PersonalList;
  /** Words for the stored entries, by entryKey (concept labels, food names, group nouns). */
  labels: Record<string, string>;
  groups: PersonalOption[];
  concepts: PersonalOption[];
};

const SIDES: { side: PersonalSide; title: string; empty: string }[] = [
  {
    side: 'allowed',
    title: 'Allowed',
    empty:
      'Nothing yet. Foods you tolerate come back to your plans even when the phase leaves them out.',
  },
  {
    side: 'excluded',
    title: 'Kept out',
    empty: 'Nothing yet. Foods kept out stay out of every plan, whatever the phase allows.',
  },
];

const KINDS = ['group', 'concept', 'food'] as const;

/** One choice among a few, as radio buttons in a fieldset (arrow keys move between them). */
function RadioGroup<T extends string>(props: {
  legend: string;
  name: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div className="checks">
        {props.options.map((o) => (
          <label key={o.value}>
            <input
              type="radio"
              name={props.name}
              checked={props.value === o.value}
              onChange={() => props.onChange(o.value)}
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The profile's personal food list: what it allows and keeps out, where each entry came from,
 * and a form to add or remove one by hand. Each change is saved at once (PATCH `personal`).
 */
export function PersonalListEditor({ profileId, initial, labels, groups, concepts }: Props) {
  const router = useRouter();
  const id = useId();
  const [list, setList] = useState(initial);
  const [side, setSide] = useState<PersonalSide>('allowed');
  const [kind, setKind] = useState<PersonalEntry['kind']>('group');
  const [group, setGroup] = useState(groups[0]?.code ?? '');
  const [concept, setConcept] = useState(concepts[0]?.code ?? '');
  const [food, setFood] = useState<DislikeChoice | null>(null);
  const [dose, setDose] = useState('');
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const labelOf = (e: PersonalEntry) => capitalized(e.label ?? labels[entryKey(e)] ?? e.code);

  async function save(next: PersonalList, done: string): Promise<boolean> {
    setBusy(true);
    const res = await callApi(`/api/profiles/${profileId}`, {
      method: 'PATCH',
      body: { personal: next },
    });
    setBusy(false);
    if (!res.ok) {
      const fields = Object.values(res.error.fieldErrors ?? {}).flat();
      setStatus({ error: true, text: fields[0] ?? res.error.message });
      return false;
    }
    setList(next);
    setStatus({ error: false, text: done });
    router.refresh();
    return true;
  }

  function chosen(): { code: string; label: string } | null {
    if (kind === 'group') return groups.find((g) => g.code === group) ?? null;
    if (kind === 'concept') return concepts.find((c) => c.code === concept) ?? null;
    return food && 'ndb' in food ? { code: food.ndb, label: food.name } : null;
  }

  async function add(event: React.FormEvent) {
    event.preventDefault();
    const pick = chosen();
    if (!pick) {
      setStatus({ error: true, text: 'Choose a food first.' });
      return;
    }
    const grams = dose.trim() === '' ? null : Number(dose);
    if (grams !== null && !(grams > 0 && grams <= 2000)) {
      setStatus({ error: true, text: 'The dose is grams between 1 and 2000, or empty.' });
      return;
    }
    const entry: PersonalEntry = {
      kind,
      code: pick.code,
      label: pick.label,
      maxDoseG: side === 'allowed' ? grams : null,
      source: null,
    };
    const where = side === 'allowed' ? 'allowed' : 'kept out';
    if (await save(withEntry(list, side, entry), `${pick.label} is now ${where}.`)) {
      setFood(null);
      setDose('');
    }
  }

  return (
    <section aria-labelledby={`${id}-h`} className="personal-list">
      <h2 id={`${id}-h`}>Personal food list</h2>
      <p className="muted small">
        What your challenges showed, or what you know. It goes on top of your protocol phase in
        every plan, swap and regeneration; allergies, avoided groups and dislikes always hold.
      </p>
      {SIDES.map(({ side: s, title, empty }) => (
        <div key={s}>
          <h3 id={`${id}-${s}`}>{title}</h3>
          {list[s].length === 0 ? (
            <p className="muted small">{empty}</p>
          ) : (
            <ul className="result-list" aria-labelledby={`${id}-${s}`}>
              {list[s].map((e) => (
                <li key={entryKey(e)} className="personal-entry">
                  <div>
                    <strong>{labelOf(e)}</strong>{' '}
                    <span className="badge">{KIND_WORDS[e.kind]}</span>
                    <div className="small muted">{entryDetails(e)}</div>
                  </div>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    aria-label={`Remove ${labelOf(e)} from ${title.toLowerCase()}`}
                    onClick={() =>
                      save(withoutEntry(list, s, entryKey(e)), `${labelOf(e)} removed.`)
                    }
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <form onSubmit={add} className="card personal-add" aria-labelledby={`${id}-add`}>
        <h3 id={`${id}-add`} style={{ marginTop: 0 }}>
          Add an entry
        </h3>
        <RadioGroup
          legend="List"
          name={`${id}-side`}
          options={SIDES.map(({ side: s, title }) => ({ value: s, label: title }))}
          value={side}
          onChange={setSide}
        />
        <RadioGroup
          legend="What"
          name={`${id}-kind`}
          options={KINDS.map((k) => ({ value: k, label: KIND_WORDS[k] }))}
          value={kind}
          onChange={setKind}
        />
        {kind === 'group' ? (
          <div className="field">
            <label htmlFor={`${id}-group`}>Food group</label>
            <select id={`${id}-group`} value={group} onChange={(e) => setGroup(e.target.value)}>
              {groups.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.label}
                </option>
              ))}
            </select>
          </div>
        ) : kind === 'concept' ? (
          <div className="field">
            <label htmlFor={`${id}-concept`}>Kind of food</label>
            <select
              id={`${id}-concept`}
              value={concept}
              onChange={(e) => setConcept(e.target.value)}
            >
              {concepts.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="field">
            <FoodPicker
              value={food ? [food] : []}
              onChange={(next) => {
                const last = next.at(-1) ?? null;
                // The search offers whole kinds of food too: picking one switches to it.
                if (last && 'concept' in last) {
                  setKind('concept');
                  setConcept(last.concept);
                } else setFood(last);
              }}
              label="Food"
              anchorId={`${id}-food`}
              chosenLabel="Chosen food"
            />
          </div>
        )}
        {side === 'allowed' ? (
          <div className="field">
            <label htmlFor={`${id}-dose`}>Largest amount tolerated, grams (optional)</label>
            <input
              id={`${id}-dose`}
              type="number"
              inputMode="decimal"
              min={1}
              max={2000}
              value={dose}
              style={{ maxWidth: '10rem' }}
              onChange={(e) => setDose(e.target.value)}
              aria-describedby={`${id}-dose-hint`}
            />
            <p id={`${id}-dose-hint`} className="small muted">
              In a low-FODMAP phase a tolerated FODMAP group is planned up to this amount a meal.
            </p>
          </div>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Add'}
        </button>
        <div aria-live="polite">
          {status ? (
            <p
              className={status.error ? 'field-error' : 'small'}
              role={status.error ? 'alert' : undefined}
            >
              {status.text}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
