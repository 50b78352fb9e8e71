/** A field's messages under its control; the id is what the control's aria-describedby names. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors || errors.length === 0) return null;
  return (
    <div id={id} className="field-error">
      {errors.join(' ')}
    </div>
  );
}
