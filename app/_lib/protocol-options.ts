import type { Protocol } from '@/lib/protocols/schema';
import type { ProtocolOption } from '../profile/_lib/profile-values';

export function toProtocolOptions(protocols: Protocol[]): ProtocolOption[] {
  return protocols.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    summary: p.summary,
    phases: p.phases.map((ph) => ({ id: ph.id, name: ph.name, summary: ph.summary })),
  }));
}
