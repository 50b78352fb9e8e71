import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>We could not find that page. It may have been removed, or the address has a typo.</p>
      <p className="row">
        <Link className="button" href="/">
          Go to the start
        </Link>
        <Link className="button secondary" href="/recipes">
          Browse recipes
        </Link>
      </p>
    </>
  );
}
