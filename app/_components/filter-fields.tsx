/** A labelled select for a list filter; the empty option means "no filter". */
export function FilterSelect({
  id,
  label,
  name,
  value,
  anyLabel,
  options,
}: {
  id: string;
  label: string;
  name: string;
  value: string;
  anyLabel: string;
  options: readonly (string | { value: string; label: string })[];
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        <option value="">{anyLabel}</option>
        {options.map((o) => {
          const { value: v, label: l } = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <option key={v} value={v}>
              {l}
            </option>
          );
        })}
      </select>
    </div>
  );
}

/** The full-width search box of a list page. */
export function SearchField({
  id,
  value,
  placeholder,
}: {
  id: string;
  value: string;
  placeholder: string;
}) {
  return (
    <div style={{ gridColumn: '1 / -1' }}>
      <label htmlFor={id}>Search</label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={value}
        placeholder={placeholder}
        autoComplete="off"
      />
    </div>
  );
}
