import type { Profile } from '@/db/queries/profiles';
import { idParamSchema } from '@/lib/validation/ids';
import { one, type RawSearchParams } from './search-params';

/** The profile named in the address (`?profile=`), else the latest one; profiles is not empty. */
export function pickProfile(profiles: readonly Profile[], params: RawSearchParams): Profile {
  const wanted = idParamSchema('profile').safeParse(one(params.profile));
  return profiles.find((p) => wanted.success && p.id === wanted.data) ?? profiles[0]!;
}

/** A GET form switching the page to another profile of the household; nothing for one profile. */
export function ProfilePicker(props: {
  id: string;
  profiles: readonly Pick<Profile, 'id' | 'name'>[];
  selected: number;
}) {
  if (props.profiles.length < 2) return null;
  return (
    <form method="get" className="row" style={{ marginBottom: '1rem' }}>
      <label htmlFor={props.id}>Profile</label>
      <select id={props.id} name="profile" defaultValue={String(props.selected)}>
        {props.profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary">
        Show
      </button>
    </form>
  );
}
