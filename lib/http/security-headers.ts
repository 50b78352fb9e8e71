/**
 * The security headers every response carries, in one place. Pages get a Content-Security-Policy
 * with a per-request nonce (Next puts it on its own scripts); API responses, which are never
 * rendered as pages, get one that allows nothing.
 */

/** Headers every response carries, pages and API alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** API responses are data: nothing may load from them, nobody may frame them. */
export const API_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * A page's policy. Scripts: only those carrying this request's nonce, and what they load
 * ('strict-dynamic'); development adds 'unsafe-eval', which React's dev tooling needs. Styles
 * allow inline `style` attributes (React sets them; they cannot carry a nonce).
 */
export function pageCsp(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sets the shared headers and the given policy on a response's headers. */
export function applySecurityHeaders(headers: Headers, csp: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  headers.set('Content-Security-Policy', csp);
}
