import { type DoorsEnv, requestHostOf, requestProtoOf } from '@/lib/http/doors';

/**
 * The site's own origin as the client reached it, for links inside exported files. The Host was
 * checked against VILLI_ALLOWED_HOSTS at the door; X-Forwarded-Host/Proto count only when
 * VILLI_TRUST_PROXY=true, so a header cannot point the links at another site.
 */
export function baseUrlOf(request: Request, env: DoorsEnv = process.env as DoorsEnv): string {
  return `${requestProtoOf(request, env)}://${requestHostOf(request, env)}`;
}
