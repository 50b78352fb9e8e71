export default function Loading() {
  return (
    <p aria-live="polite" aria-busy="true">
      <span className="spinner" aria-hidden="true" /> Loading…
    </p>
  );
}
