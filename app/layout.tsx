import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { NavLinks } from './_components/nav-links';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Villi — elimination-diet meal planner', template: '%s · Villi' },
  description:
    'Plan a week of meals that follows your elimination diet (AIP, low-FODMAP, Whole30, six-food, gut reset), allergies and dislikes.',
};

// Every page renders per request, so each carries the CSP nonce the proxy made for it.
export const dynamic = 'force-dynamic';

// viewport-fit=cover lets the phone tab bar keep clear of the home indicator (safe-area insets).
export const viewport: Viewport = { width: 'device-width', initialScale: 1, viewportFit: 'cover' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <nav className="site-header-inner" aria-label="Main">
            <Link href="/" className="brand">
              Villi
            </Link>
            <NavLinks />
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <div className="site-footer-inner">
            <span>
              Villi plans meals; it is not medical advice.{' '}
              <Link href="/health-note">Read the health note</Link>.
            </span>
            <span>
              Food data: USDA SR21 (public domain). <Link href="/api/docs">API</Link> ·{' '}
              <Link href="/account">Account</Link>
            </span>
          </div>
        </footer>
      </body>
    </html>
  );
}
