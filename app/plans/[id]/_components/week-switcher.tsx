import Link from 'next/link';

type WeekRef = { id: number; weekStart: string } | null;

const short = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });

/** A neighbour week's link text: "This week" when it is this week, else its Monday. */
function WeekName({ week, current }: { week: NonNullable<WeekRef>; current: WeekRef }) {
  return week.id === current?.id ? (
    <span>This week</span>
  ) : (
    <span>
      <span className="visually-hidden">Week of </span>
      {short(week.weekStart)}
    </span>
  );
}

/**
 * Links to the profile's plans of the week before and after and to this week's plan; this week
 * is marked (aria-current="date") when it is the one shown.
 */
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
  const currentIsNeighbour = current !== null && [previous?.id, next?.id].includes(current.id);
  if (!previous && !next && (isThisWeek || !current)) {
    // nothing to link to
    return isThisWeek ? <p className="week-switch week-now">This week</p> : null;
  }
  return (
    <nav aria-label="Weeks" className="week-switch no-print">
      {previous ? (
        <Link href={`/plans/${previous.id}`} rel="prev">
          <span aria-hidden="true">←</span>
          <WeekName week={previous} current={current} />
        </Link>
      ) : null}
      {isThisWeek ? (
        <span className="week-now" aria-current="date">
          This week
        </span>
      ) : current && !currentIsNeighbour ? (
        <Link href={`/plans/${current.id}`}>This week</Link>
      ) : null}
      {next ? (
        <Link href={`/plans/${next.id}`} rel="next">
          <WeekName week={next} current={current} />
          <span aria-hidden="true">→</span>
        </Link>
      ) : null}
    </nav>
  );
}
