import 'server-only';
import type { Db } from '@/db/client';
import { resolveProtocolPhase } from '@/db/queries/resolve-phase';
import { AppError } from '@/lib/http/app-error';

/**
 * The protocol and phase a request names, checked against the seeded protocols (the phase
 * defaults to the first); an unknown id is a 400 naming the field.
 */
export async function requireProtocolPhase(
  db: Db,
  protocol: string | undefined,
  phase: string | undefined,
): Promise<{ protocol?: string; phase?: string }> {
  const resolved = await resolveProtocolPhase(db, protocol, phase);
  if (!resolved.ok) throw AppError.invalid(resolved.field, resolved.message);
  return { protocol: resolved.protocol, phase: resolved.phase };
}
