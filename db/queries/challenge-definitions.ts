import type { ChallengeDefinition } from '../../lib/reintroduction/types';
import type { Db } from '../client';
import { loadReferenceData } from './reference-data';

export type ProtocolChallenges = {
  /** True when a clinician runs the reintroduction: Villi records outcomes, plans nothing. */
  clinicianLed: boolean;
  challenges: ChallengeDefinition[];
};

/** A protocol's reintroduction challenges in run order, or null when it has none. */
export async function challengeDefinitions(
  db: Db,
  protocolId: string,
): Promise<ProtocolChallenges | null> {
  const seed = (await loadReferenceData(db)).reintroduction.get(protocolId);
  if (!seed) return null;
  return { clinicianLed: seed.clinicianLed, challenges: seed.challenges };
}
