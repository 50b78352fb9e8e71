import type { FormState } from '../../_lib/profile-form-state';
import type { ProfileValues, ProtocolOption } from '../../_lib/profile-values';

/** What every group of profile fields gets: the form's state, a way to change it, its errors. */
export type SectionProps = {
  state: FormState;
  update: (change: (old: FormState) => FormState) => void;
  errors: Record<string, string[]>;
};

export type ProtocolSectionProps = SectionProps & { protocols: ProtocolOption[] };

/** A changer for one profile value, for sections that only set values. */
export function setValue(update: SectionProps['update']) {
  return <K extends keyof ProfileValues>(key: K, value: ProfileValues[K]) =>
    update((old) => ({ ...old, values: { ...old.values, [key]: value } }));
}

/** A list with the code added, or taken out when it is already there. */
export const toggled = (list: string[], code: string) =>
  list.includes(code) ? list.filter((c) => c !== code) : [...list, code];
