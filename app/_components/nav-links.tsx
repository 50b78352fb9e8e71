'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { currentSection, NAV_SECTIONS } from './nav-sections';

/** Line icons for the phone tab bar (24 × 24, stroked); the label beside each names it. */
const ICONS: Record<string, string> = {
  '/plans': 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  '/journal':
    'M6 3h11a1 1 0 0 1 1 1v17H7a2 2 0 0 1-2-2V4a1 1 0 0 1 1-1zM5 19a2 2 0 0 1 2-2h11M9 8h6M9 12h4',
  '/shopping': 'M3 9h18l-2 11H5zM8 9l4-6 4 6M9 13v4M15 13v4',
  '/recipes': 'M4 5h6a2 2 0 0 1 2 2v13a2 2 0 0 0-2-2H4zM20 5h-6a2 2 0 0 0-2 2v13a2 2 0 0 1 2-2h6z',
  '/foods': 'M12 8c-4-2-7 0-7 5s3 8 7 8 7-3 7-8-3-7-7-5zM12 8c0-2 1-4 3-5',
  '/protocols': 'M6 4h12v17H6zM9 9h6M9 13h6M9 17h4',
  '/profile': 'M12 4a4 4 0 1 1 0 8 4 4 0 0 1 0-8zM4 21c1-4 4-6 8-6s7 2 8 6',
};

/**
 * The main sections: a row of links in the header on wide screens, a tab bar fixed to the
 * bottom on phones (globals.css), so it never wraps.
 */
export function NavLinks() {
  const current = currentSection(usePathname());
  return (
    <ul className="nav">
      {NAV_SECTIONS.map((s) => {
        // the phone shows the short label; the rest of the full one shows on wide screens
        const short = s.short && s.label.startsWith(s.short) ? s.short : s.label;
        return (
          <li key={s.href}>
            <Link href={s.href} aria-current={current === s ? 'page' : undefined}>
              <svg
                className="nav-icon"
                viewBox="0 0 24 24"
                aria-hidden="true"
                focusable="false"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d={ICONS[s.href]} />
              </svg>
              <span>
                {short}
                {short !== s.label ? (
                  <span className="nav-label-more">{s.label.slice(short.length)}</span>
                ) : null}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
