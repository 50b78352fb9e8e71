/**
 * Reading a form's field errors (keyed by API path, e.g. "body.ageYears"): a field's messages
 * and the aria attributes that tie them to its control.
 */
export function fieldHelpers(errors: Record<string, string[]>) {
  const err = (...keys: string[]) =>
    keys.flatMap((k) =>
      Object.entries(errors)
        .filter(([f]) => f === k || f.startsWith(`${k}.`))
        .flatMap(([, m]) => m),
    );
  const describedBy = (key: string) => (err(key).length ? `${key}-error` : undefined);
  /** aria-invalid and aria-describedby (the error, then the hint) for a field's control. */
  const a11y = (key: string, hint?: string) => {
    const ids = [describedBy(key), hint].filter(Boolean).join(' ');
    return {
      'aria-invalid': err(key).length > 0 ? true : undefined,
      'aria-describedby': ids || undefined,
    };
  };
  return { err, describedBy, a11y };
}

/** A text input's value as a number, or null when it is empty. */
export const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s));
