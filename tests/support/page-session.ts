import { authHeaders } from './db';

/**
 * What `next/headers` gives a page rendered in a test: the test owner's token, so a page reads
 * the same caller the API does. Use: vi.mock('next/headers', () => import('../support/page-session')).
 */
export async function headers(): Promise<Headers> {
  return new Headers(authHeaders());
}
