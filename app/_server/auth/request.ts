import { type DoorsEnv, requestProtoOf } from '@/lib/http/doors';

/** Whether the client reached the server over HTTPS (X-Forwarded-Proto only behind a trusted proxy). */
export function isSecureRequest(request: Request): boolean {
  return requestProtoOf(request, process.env as DoorsEnv) === 'https';
}
