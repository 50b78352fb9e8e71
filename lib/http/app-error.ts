import type { z } from 'zod';

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  misdirected: 421,
  unprocessable: 422,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorKind = keyof typeof ERROR_STATUS;

export type ErrorBody = {
  error: {
    code: string;
    message: string;
    fieldErrors?: Record<string, string[]>;
    details?: unknown;
  };
};

/** Dotted paths ("body.weightKg", "slots.2") so a nested field is named exactly. */
export function fieldErrorsOf(
  error: z.ZodError,
  depth = Number.POSITIVE_INFINITY,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.slice(0, depth).join('.') : '_root';
    const list = out[key] ?? [];
    list.push(issue.message);
    out[key] = list;
  }
  return out;
}

/** A typed error that knows its HTTP status and renders the one error body used everywhere. */
export class AppError extends Error {
  /** Seconds a client should wait before retrying (kind `unavailable`: the Retry-After header). */
  readonly retryAfterS?: number;
  /** The methods the resource answers (kind `method_not_allowed`: the Allow header). */
  readonly allow?: readonly string[];

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly details?: unknown,
    options?: { cause?: unknown; retryAfterS?: number; allow?: readonly string[] },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.retryAfterS = options?.retryAfterS;
    this.allow = options?.allow;
  }

  get status(): number {
    return ERROR_STATUS[this.kind];
  }

  /** `depth` 1 names query parameters by their own name ("allergen", not "allergen.0"). */
  static badRequest(error: z.ZodError, what = 'request', depth?: number): AppError {
    const fieldErrors = fieldErrorsOf(error, depth);
    const summary = Object.entries(fieldErrors)
      .map(([field, msgs]) => `${field}: ${msgs.join(', ')}`)
      .join('; ');
    return new AppError(
      'bad_request',
      'invalid_request',
      `Invalid ${what}: ${summary}`,
      fieldErrors,
      undefined,
      {
        cause: error,
      },
    );
  }

  static invalid(field: string, message: string): AppError {
    return new AppError('bad_request', 'invalid_request', `Invalid request: ${field}: ${message}`, {
      [field]: [message],
    });
  }

  static notFound(what: string, id: string): AppError {
    return new AppError('not_found', 'not_found', `${what} ${id} was not found`);
  }

  static conflict(code: string, message: string, details?: unknown): AppError {
    return new AppError('conflict', code, message, undefined, details);
  }

  /** The request's If-Match names a version the resource no longer has; nothing was changed. */
  static preconditionFailed(message: string, details?: unknown): AppError {
    return new AppError('precondition_failed', 'precondition_failed', message, undefined, details);
  }

  static unprocessable(code: string, message: string, details?: unknown): AppError {
    return new AppError('unprocessable', code, message, undefined, details);
  }

  /** 503: the server is overloaded for now; the body's details and Retry-After say when to retry. */
  static unavailable(code: string, message: string, retryAfterS: number): AppError {
    return new AppError('unavailable', code, message, undefined, { retryAfterS }, { retryAfterS });
  }

  /** 401: no valid session cookie or API token came with the request. */
  static unauthorized(
    message = 'Sign in, or send an API token as Authorization: Bearer <token>.',
  ): AppError {
    return new AppError('unauthorized', 'unauthorized', message);
  }

  /** 403: the request is refused as it stands (media type, origin); the message says why. */
  static forbidden(code: string, message: string): AppError {
    return new AppError('forbidden', code, message);
  }

  /** 405 with the methods the resource does answer (the Allow header). */
  static methodNotAllowed(method: string, path: string, allow: readonly string[]): AppError {
    return new AppError(
      'method_not_allowed',
      'method_not_allowed',
      `${method} is not allowed on ${path}; allowed: ${allow.join(', ')}`,
      undefined,
      { allow },
      { allow },
    );
  }

  /** 413: the body is larger than the server reads. */
  static tooLarge(limitBytes: number): AppError {
    return new AppError(
      'payload_too_large',
      'payload_too_large',
      `The request body is larger than ${limitBytes} bytes.`,
      undefined,
      { limitBytes },
    );
  }

  /** 421: the Host the request names is not one this server answers for. */
  static misdirected(host: string): AppError {
    return new AppError(
      'misdirected',
      'host_not_allowed',
      `This server does not answer for the host "${host}"; add it to VILLI_ALLOWED_HOSTS if it should.`,
    );
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
        ...(this.details !== undefined ? { details: this.details } : {}),
      },
    };
  }

  toResponse(): Response {
    const response = Response.json(this.toBody(), { status: this.status });
    if (this.retryAfterS !== undefined)
      response.headers.set('Retry-After', String(this.retryAfterS));
    if (this.allow !== undefined) response.headers.set('Allow', this.allow.join(', '));
    return response;
  }
}

/** Unknown errors become a generic 500; the cause goes to the server log only. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return error.toResponse();
  console.error(error);
  return new AppError(
    'internal',
    'internal_error',
    'Something went wrong on our side.',
  ).toResponse();
}
