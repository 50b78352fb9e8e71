import { isAPIError } from 'better-auth/api';
import { AppError } from '@/lib/http/app-error';

/** The authentication library's refusals, as the app's one error body. */
export function fromLibraryError(error: unknown): unknown {
  if (!isAPIError(error)) return error;
  const message = typeof error.body?.message === 'string' ? error.body.message : error.message;
  const code = typeof error.body?.code === 'string' ? error.body.code.toLowerCase() : 'refused';
  switch (error.statusCode) {
    case 400:
    case 422:
      return new AppError('bad_request', code, message);
    case 401:
      return new AppError('unauthorized', code, message);
    case 403:
      return AppError.forbidden(code, message);
    case 429:
      return new AppError('too_many_requests', 'too_many_requests', message, undefined, undefined, {
        retryAfterS: 10,
      });
    default:
      return error;
  }
}

/** Runs a library call; its refusals become AppErrors. */
export async function viaLibrary<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw fromLibraryError(error);
  }
}
