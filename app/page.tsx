import Link from 'next/link';

export default function HomePage() {
  return (
    <>
      <h1>Plan a week of elimination-diet meals</h1>
      <p>
        Villi builds weekly menus that follow your protocol (AIP, low-FODMAP, Whole30, six-food,
        gut reset), your allergies and dislikes, while reaching your protein and fiber targets.
      </p>
      <p className="row">
        <Link className="button" href="/profile">
          Get started
        </Link>
        <Link className="button secondary" href="/recipes">
          Browse recipes
        </Link>
        <Link className="button secondary" href="/foods">
          Browse foods
        </Link>
      </p>
    </>
  );
}
