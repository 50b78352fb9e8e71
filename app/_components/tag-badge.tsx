import { inflammationText } from '@/lib/foods/inflammation-labels';

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

/** An inflammation class in neutral words; the class value stays the CSS hook. */
export function InflammationBadge({ value, evidence }: { value: string; evidence?: string }) {
  return <span className={`badge ${value}`}>{inflammationText(value, evidence)}</span>;
}
