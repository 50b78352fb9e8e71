/** The main sections of the site, in navigation order. */
export type NavSection = {
  href: string;
  /** The full label; `short` is what a phone's tab bar shows when it differs. */
  label: string;
  short?: string;
  /** Paths that belong to the section besides `href` and what is under it. */
  alsoUnder?: RegExp[];
};

export const NAV_SECTIONS: readonly NavSection[] = [
  { href: '/plans', label: 'Plan' },
  { href: '/journal', label: 'Journal' },
  // a plan's list lives under /plans/{id}/shopping, yet it is the shopping section
  {
    href: '/shopping',
    label: 'Shopping list',
    short: 'Shopping',
    alsoUnder: [/^\/plans\/[^/]+\/shopping(?:\/|$)/],
  },
  { href: '/recipes', label: 'Recipes' },
  { href: '/foods', label: 'Foods' },
  { href: '/protocols', label: 'Protocols' },
  { href: '/profile', label: 'Profile' },
];

const under = (pathname: string, href: string) =>
  pathname === href || pathname.startsWith(`${href}/`);

/**
 * The section a path belongs to, or null (onboarding, the health note). A section that claims
 * the path explicitly wins over one whose prefix it only shares.
 */
export function currentSection(pathname: string): NavSection | null {
  return (
    NAV_SECTIONS.find((s) => s.alsoUnder?.some((re) => re.test(pathname))) ??
    NAV_SECTIONS.find((s) => under(pathname, s.href)) ??
    null
  );
}
