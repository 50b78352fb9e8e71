/** Next passes searchParams as string | string[]; this flattens them for zod and for links. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

export function compactParams(params: RawSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    out[k] = v;
  }
  return out;
}

export function toQueryString(params: Record<string, string | string[] | undefined>): string {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    for (const item of Array.isArray(v) ? v : [v]) usp.append(k, item);
  }
  const s = usp.toString();
  return s ? `?${s}` : '';
}

/** The first value of a search parameter, or '' (for form defaults). */
export const one = (v: string | string[] | undefined): string =>
  (Array.isArray(v) ? v[0] : v) ?? '';
