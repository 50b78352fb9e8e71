import type { Protocol } from '../protocols/schema';
import type { ReintroductionState } from './types';

/**
 * Whether a reintroduction is under way: it exists and some challenge is still to run (pending
 * or active). A paused one is still under way: pausing stops challenges, not the method.
 */
export function isReintroductionActive(state: ReintroductionState | null): boolean {
  return state?.challenges.some((c) => c.status === 'pending' || c.status === 'active') === true;
}

export type PlanningPhase = {
  /** The phase whose rules the planner's background follows. */
  phaseId: string;
  /** True when the background is the elimination phase because a reintroduction is under way. */
  reintroduction: boolean;
};

/**
 * The phase the planner, swaps and regeneration plan on. During a reintroduction of the
 * profile's protocol the background is the protocol's elimination phase (its first): foods come
 * back one challenge at a time, through the personal list, never a whole stage from day one.
 * Otherwise (none, all challenges done or skipped, or one of another protocol left from before a
 * change of protocol) the profile's own phase applies. The personal list goes on top either way.
 * Pure.
 */
export function planningPhase(
  protocol: Pick<Protocol, 'id' | 'phases'>,
  profilePhase: string,
  state: ReintroductionState | null,
): PlanningPhase {
  const elimination = protocol.phases[0];
  if (elimination && state?.protocol === protocol.id && isReintroductionActive(state)) {
    return { phaseId: elimination.id, reintroduction: true };
  }
  return { phaseId: profilePhase, reintroduction: false };
}
