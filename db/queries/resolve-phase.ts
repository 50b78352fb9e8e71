import 'server-only';
import type { Db } from '../client';
import { getProtocolById, listProtocols } from './protocols';

export type ProtocolPhase =
  | { ok: true; protocol?: string; phase?: string }
  | { ok: false; field: 'protocol' | 'phase'; message: string };

/**
 * Checks a protocol id (and phase id, defaulting to the first phase) against the seeded data.
 * No protocol: nothing to check. Unknown ids: which field is wrong and the ids that exist.
 */
export async function resolveProtocolPhase(
  db: Db,
  protocol: string | undefined,
  phase: string | undefined,
): Promise<ProtocolPhase> {
  if (!protocol) return { ok: true };
  const p = await getProtocolById(db, protocol);
  if (!p) {
    const known = (await listProtocols(db)).map((x) => x.id).join(', ');
    return {
      ok: false,
      field: 'protocol',
      message: `unknown protocol "${protocol}"; expected one of: ${known}`,
    };
  }
  const phaseId = phase ?? p.phases[0]?.id;
  if (!p.phases.some((ph) => ph.id === phaseId)) {
    return {
      ok: false,
      field: 'phase',
      message: `unknown phase "${phase}" for ${p.id}; expected one of: ${p.phases.map((ph) => ph.id).join(', ')}`,
    };
  }
  return { ok: true, protocol: p.id, phase: phaseId };
}
