import Link from 'next/link';

type WeekRef = { id: number; weekStart: string } | null;

const short = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });

/** Links to the profile's plans of the week before and after, and to this week's plan. */
export function WeekSwitcher({
  isThisWeek,
  previous,
  next,
  current,
}: {
  isThisWeek: boolean;
  previous: WeekRef;
  next: WeekRef;
  current: WeekRef;
}) {
  if (!previous && !next && (isThisWeek || !current)) {
    return isThisWeek ? (
      <p className="week-switch">
        <span className="week-now">This week</span>
      </p>
    ) : null;
  }
  return (
    <nav aria-label="Weeks" className="week-switch no-print">
      {previous ? (
        <Link href={`/plans/${previous.id}`} rel="prev">
          <span aria-hidden="true">←</span>
          <span>
            <span className="visually-hidden">Week of </span>
            {short(previous.weekStart)}
          </span>
        </Link>
      ) : null}
      {isThisWeek ? (
        <span className="week-now" aria-current="date">
          This week
        </span>
      ) : current ? (
        <Link href={`/plans/${current.id}`}>This week</Link>
      ) : null}
      {next ? (
        <Link href={`/plans/${next.id}`} rel="next">
          <span>
            <span className="visually-hidden">Week of </span>
            {short(next.weekStart)}
          </span>
          <span aria-hidden="true">→</span>
        </Link>
      ) : null}
    </nav>
  );
}
