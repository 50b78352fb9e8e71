import { type NextRequest, NextResponse } from 'next/server';
import { AppError } from './lib/http/app-error';
import {
  checkApiRequest,
  checkHost,
  clientMethodOf,
  type DoorsEnv,
  RAW_URL_HEADER,
} from './lib/http/doors';
import { allowOf, routeOf } from './lib/http/route-table';
import { API_CSP, applySecurityHeaders, pageCsp } from './lib/http/security-headers';

/**
 * The server's front door, run by Next before every request (pages, API, assets): the Host must
 * be one this server answers for, the URL must be well encoded, the method one the route
 * answers, and an API write must pass the body and origin rules (lib/http/doors.ts). Every
 * response leaves with the security headers; pages get a fresh CSP nonce.
 */

/** A fresh, unguessable nonce for one page (128 bits, base64). */
function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Malformed percent-encoding anywhere in the path or query, or null. Next re-encodes a broken
 * query before the proxy runs, so the target as the client sent it is read where the start
 * script's guard left it.
 */
function malformedEncoding(request: Request): string | null {
  const target =
    request.headers.get(RAW_URL_HEADER) ??
    new URL(request.url).pathname + new URL(request.url).search;
  const [path = '', query = ''] = target.split(/\?(.*)/s);
  const parts = [...path.split('/'), ...query.split(/[&=]/)];
  for (const part of parts) {
    try {
      decodeURIComponent(part);
    } catch {
      return part.slice(0, 40);
    }
  }
  return null;
}

function refuse(error: AppError): NextResponse {
  const res = error.toResponse();
  const out = new NextResponse(res.body, { status: res.status, headers: res.headers });
  applySecurityHeaders(out.headers, API_CSP);
  return out;
}

/** The reason a request is turned away at the door, or null to let it in. */
export function doorRefusal(request: Request, env: DoorsEnv): AppError | null {
  const url = new URL(request.url);
  const host = checkHost(request, env);
  if (host) return host;
  const bad = malformedEncoding(request);
  if (bad !== null) {
    return AppError.invalid('url', `malformed percent-encoding near "${bad}"`);
  }
  const method = clientMethodOf(request);
  const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
  const route = routeOf(url.pathname);
  if (isApi && route === null) return AppError.notFound('Route', url.pathname.slice(0, 200));
  const allow = route ? allowOf(route) : ['GET', 'HEAD'];
  if (!allow.includes(method)) return AppError.methodNotAllowed(method, url.pathname, allow);
  return route?.kind === 'api' ? checkApiRequest(request, env) : null;
}

export function proxy(request: NextRequest): NextResponse {
  const env = process.env as DoorsEnv;
  const refused = doorRefusal(request, env);
  if (refused) return refuse(refused);
  const route = routeOf(request.nextUrl.pathname);
  if (route?.kind === 'api') {
    const res = NextResponse.next();
    applySecurityHeaders(res.headers, API_CSP);
    return res;
  }
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const csp = pageCsp(newNonce(), process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', csp);
  const res = NextResponse.next({ request: { headers } });
  applySecurityHeaders(res.headers, csp);
  return res;
}
