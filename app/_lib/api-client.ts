/** The one error body every route returns. */
export type ApiError = {
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  details?: unknown;
};

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiError };

/** fetch + JSON for the browser, turning network failures into the same error shape. */
export async function callApi<T>(
  url: string,
  init?: { method?: string; body?: unknown },
): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, {
      method: init?.method ?? 'GET',
      headers: init?.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (res.status === 204) return { ok: true, data: undefined as T };
    const json = await res.json().catch(() => null);
    if (!res.ok) {
      const error = (json as { error?: ApiError } | null)?.error ?? {
        code: 'http_error',
        message: `The server answered ${res.status}.`,
      };
      return { ok: false, status: res.status, error };
    }
    return { ok: true, data: json as T };
  } catch {
    return {
      ok: false,
      status: 0,
      error: {
        code: 'network',
        message: 'Could not reach Villi. Check that the server is running and try again.',
      },
    };
  }
}
