export function TagBadge({
  code,
  certainty,
  title,
}: {
  code: string;
  certainty: string;
  title?: string;
}) {
  return (
    <span className={`badge ${certainty}`} title={title}>
      {code}
      {certainty === 'may-contain' ? ' (may contain)' : ''}
    </span>
  );
}

export function InflammationBadge({ value }: { value: string }) {
  return <span className={`badge ${value}`}>{value}</span>;
}
