import 'server-only';
import { AppError } from '../../lib/http/app-error';
import type { Db } from '../client';
import { getProtocolById, listProtocols } from './protocols';

/** Checks a protocol id (and phase id, defaulting to the first phase) against the seeded data. */
export function resolveProtocolPhase(
  db: Db,
  protocol: string | undefined,
  phase: string | undefined,
): { protocol?: string; phase?: string } {
  if (!protocol) return {};
  const p = getProtocolById(db, protocol);
  if (!p) {
    const known = listProtocols(db)
      .map((x) => x.id)
      .join(', ');
    throw AppError.invalid('protocol', `unknown protocol "${protocol}"; expected one of: ${known}`);
  }
  const phaseId = phase ?? p.phases[0]?.id;
  if (!p.phases.some((ph) => ph.id === phaseId)) {
    throw AppError.invalid(
      'phase',
      `unknown phase "${phase}" for ${p.id}; expected one of: ${p.phases.map((ph) => ph.id).join(', ')}`,
    );
  }
  return { protocol: p.id, phase: phaseId };
}
