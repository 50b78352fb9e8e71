import { AppError } from './app-error';

/**
 * The rules every request passes before a route reads it ("the doors"). Pure functions of the
 * request and the environment, shared by the proxy (every request, pages included) and the API
 * route wrapper (`handle`), so a route handler is guarded even where no proxy runs.
 */

/** The largest request body read, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Methods that change something: they carry the media-type and origin rules. */
export const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The media types a write body may have: the app's own forms send JSON through fetch. */
export const BODY_MEDIA_TYPES: readonly string[] = ['application/json'];

/**
 * TRACE and TRACK cannot become a Request object; scripts/method-guard.mjs renames them with
 * this prefix before Next sees them, so the proxy can answer them 405 like any other method.
 */
export const RENAMED_METHOD_PREFIX = 'FORBIDDEN-';

/** The request target exactly as the client sent it, set by scripts/method-guard.mjs. */
export const RAW_URL_HEADER = 'x-villi-raw-url';

/** The method as the client sent it. */
export function clientMethodOf(request: Request): string {
  const m = request.method.toUpperCase();
  return m.startsWith(RENAMED_METHOD_PREFIX) ? m.slice(RENAMED_METHOD_PREFIX.length) : m;
}

/** Host names answered when VILLI_ALLOWED_HOSTS is unset (any port). */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** `Sec-Fetch-Site` values that prove a request came from this site or the user's own hand. */
const SAME_SITE_FETCH: ReadonlySet<string> = new Set(['same-origin', 'none']);

export type DoorsEnv = {
  VILLI_ALLOWED_HOSTS?: string;
  VILLI_TRUST_PROXY?: string;
};

type HostPort = { host: string; port: string | null };

/** "Example.com:8080" → { example.com, 8080 }; "[::1]:3000" → { [::1], 3000 }; null if malformed. */
export function splitHost(value: string): HostPort | null {
  const v = value.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]\s/@]+)(?::(\d{1,5}))?$/.exec(v);
  if (!m?.[1]) return null;
  return { host: m[1], port: m[2] ?? null };
}

/** VILLI_ALLOWED_HOSTS as a list: comma-separated names, each with an optional port. */
export function allowedHostsOf(env: DoorsEnv): HostPort[] {
  const raw = env.VILLI_ALLOWED_HOSTS?.trim();
  const names = raw ? raw.split(',') : DEFAULT_ALLOWED_HOSTS;
  return names
    .map((n) => n.trim())
    .filter((n) => n !== '')
    .map((n) => (n === '::1' ? '[::1]' : n))
    .map(splitHost)
    .filter((h): h is HostPort => h !== null);
}

export function trustsProxy(env: DoorsEnv): boolean {
  return env.VILLI_TRUST_PROXY?.trim().toLowerCase() === 'true';
}

/** The first value of a comma-separated forwarding header, or null. */
function firstForwarded(value: string | null): string | null {
  const first = value?.split(',')[0]?.trim();
  return first ? first : null;
}

/**
 * The host the client asked for: X-Forwarded-Host only behind a trusted proxy, else the Host
 * header (a Request built in code has none: then its URL's host).
 */
export function requestHostOf(request: Request, env: DoorsEnv): string {
  const forwarded = trustsProxy(env)
    ? firstForwarded(request.headers.get('x-forwarded-host'))
    : null;
  return forwarded ?? request.headers.get('host') ?? new URL(request.url).host;
}

/** The scheme the client used: X-Forwarded-Proto only behind a trusted proxy, else http. */
export function requestProtoOf(request: Request, env: DoorsEnv): 'http' | 'https' {
  if (!trustsProxy(env)) return 'http';
  return firstForwarded(request.headers.get('x-forwarded-proto'))?.toLowerCase() === 'https'
    ? 'https'
    : 'http';
}

export function hostAllowed(host: string, env: DoorsEnv): boolean {
  const asked = splitHost(host);
  if (!asked) return false;
  return allowedHostsOf(env).some(
    (a) => a.host === asked.host && (a.port === null || a.port === asked.port),
  );
}

/** 421 when the request names a host outside VILLI_ALLOWED_HOSTS. */
export function checkHost(request: Request, env: DoorsEnv): AppError | null {
  const host = requestHostOf(request, env);
  return hostAllowed(host, env) ? null : AppError.misdirected(host.slice(0, 100));
}

/** Whether the request announces a body (a length above 0, or a chunked transfer). */
export function announcesBody(headers: Headers): boolean {
  const length = headers.get('content-length');
  if (length !== null && length.trim() !== '0') return true;
  return headers.has('transfer-encoding');
}

/** 413 when Content-Length already says the body is too large; nothing is read. */
export function checkDeclaredLength(headers: Headers): AppError | null {
  const length = headers.get('content-length');
  if (length === null) return null;
  const n = Number(length.trim());
  // a length that is no number is as unreadable as one too large
  if (!/^\d+$/.test(length.trim()) || n > MAX_BODY_BYTES) return AppError.tooLarge(MAX_BODY_BYTES);
  return null;
}

/** The media type without parameters: "application/json; charset=utf-8" → "application/json". */
function mediaTypeOf(headers: Headers): string | null {
  const value = headers.get('content-type');
  if (value === null) return null;
  return value.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** 403 unless the body's Content-Type is one the API reads. */
export function checkMediaType(headers: Headers): AppError | null {
  const type = mediaTypeOf(headers);
  if (type !== null && BODY_MEDIA_TYPES.includes(type)) return null;
  return AppError.forbidden(
    'unsupported_media_type',
    `A request body must be sent as Content-Type: ${BODY_MEDIA_TYPES.join(' or ')}${type === null ? '' : ` (this one was ${type.slice(0, 80)})`}.`,
  );
}

/** Host part of an Origin, the default port dropped; null for "null" or a malformed value. */
function originHost(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : null;
  } catch {
    return null;
  }
}

function withoutDefaultPort(host: string): string {
  return host.toLowerCase().replace(/:(80|443)$/, '');
}

/**
 * Cross-site write protection. A request with `Authorization: Bearer` carries no ambient
 * credentials and is exempt. Otherwise a cross-site Origin or Sec-Fetch-Site is refused, and a
 * write that carries cookies must prove it came from this site (same-origin Origin, or
 * Sec-Fetch-Site same-origin/none). Scripts sending neither cookies nor Origin pass.
 */
export function checkOrigin(request: Request, env: DoorsEnv): AppError | null {
  const h = request.headers;
  if (/^bearer\s+\S/i.test(h.get('authorization') ?? '')) return null;
  const origin = h.get('origin');
  const fetchSite = h.get('sec-fetch-site')?.trim().toLowerCase() ?? null;
  const self = withoutDefaultPort(requestHostOf(request, env));
  const originIsSelf = origin !== null && withoutDefaultPort(originHost(origin) ?? '') === self;
  const fetchIsSelf = fetchSite !== null && SAME_SITE_FETCH.has(fetchSite);
  const refused = () =>
    AppError.forbidden(
      'cross_origin_write',
      'This change must come from a page of this site: the request names another origin (Origin / Sec-Fetch-Site).',
    );
  if (origin !== null && !originIsSelf) return refused();
  if (fetchSite !== null && !fetchIsSelf) return refused();
  if (h.has('cookie') && !originIsSelf && !fetchIsSelf) return refused();
  return null;
}

/**
 * Every rule an API request must pass before its handler runs, in the order a client can fix
 * them: the host, then (for writes) the declared size, the media type of a body and the origin.
 */
export function checkApiRequest(request: Request, env: DoorsEnv): AppError | null {
  const host = checkHost(request, env);
  if (host) return host;
  if (!WRITE_METHODS.has(request.method.toUpperCase())) return null;
  return (
    checkDeclaredLength(request.headers) ??
    (announcesBody(request.headers) ? checkMediaType(request.headers) : null) ??
    checkOrigin(request, env)
  );
}

/**
 * Reads a body as text, at most MAX_BODY_BYTES: a longer one is a 413 and reading stops there,
 * whether or not it announced its length.
 */
export async function readBoundedText(request: Request): Promise<string> {
  const declared = checkDeclaredLength(request.headers);
  if (declared) throw declared;
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw AppError.tooLarge(MAX_BODY_BYTES);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}
