/** What the last action on an account form did: a note, or the error (announced). */
export function StatusLines({ message, error }: { message: string | null; error: string | null }) {
  return (
    <>
      {message ? <p>{message}</p> : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
