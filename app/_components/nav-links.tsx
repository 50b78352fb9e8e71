'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/plans', label: 'Plan' },
  { href: '/shopping', label: 'Shopping list' },
  { href: '/recipes', label: 'Recipes' },
  { href: '/foods', label: 'Foods' },
  { href: '/protocols', label: 'Protocols' },
  { href: '/profile', label: 'Profile' },
];

export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="nav">
      {LINKS.map((l) => {
        const isCurrent = pathname === l.href || pathname.startsWith(`${l.href}/`);
        return (
          <li key={l.href}>
            <Link href={l.href} aria-current={isCurrent ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
