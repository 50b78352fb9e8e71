import Link from 'next/link';
import { toQueryString } from './search-params';

/** Previous/next links over an offset cursor, keeping every other filter in the URL. */
export function Pager({
  basePath,
  params,
  offset,
  limit,
  nextCursor,
}: {
  basePath: string;
  params: Record<string, string | string[]>;
  offset: number;
  limit: number;
  nextCursor: string | null;
}) {
  const previous = offset - limit > 0 ? String(offset - limit) : undefined;
  return (
    <nav className="pager" aria-label="Pages">
      {offset > 0 ? (
        <Link
          className="button secondary"
          href={`${basePath}${toQueryString({ ...params, cursor: previous })}`}
        >
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link
          className="button secondary"
          href={`${basePath}${toQueryString({ ...params, cursor: nextCursor })}`}
        >
          Next →
        </Link>
      ) : null}
    </nav>
  );
}

/** The alert for filters in the URL that do not validate, naming each field. */
export function FilterErrors({
  errors,
  clearHref,
}: {
  errors: Record<string, string[]>;
  clearHref: string;
}) {
  return (
    <div className="alert error" role="alert" style={{ marginTop: '1rem' }}>
      <strong>Some filters are not valid.</strong>
      <ul>
        {Object.entries(errors).map(([field, msgs]) => (
          <li key={field}>
            {field}: {msgs.join(', ')}
          </li>
        ))}
      </ul>
      <Link href={clearHref}>Clear all filters</Link>
    </div>
  );
}
