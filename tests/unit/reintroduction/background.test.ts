import { describe, expect, it } from 'vitest';
import { isReintroductionActive, planningPhase } from '@/lib/reintroduction/background';
import type { ReintroductionState, ScheduledChallenge } from '@/lib/reintroduction/types';
import { loadProtocols } from '@/seeds/protocols/load';

const protocols = loadProtocols();
const protocolOf = (id: string) => {
  const p = protocols.find((x) => x.id === id);
  if (!p) throw new Error(`no protocol ${id}`);
  return p;
};

const challenge = (id: string, status: ScheduledChallenge['status']): ScheduledChallenge => ({
  id,
  challenge: id,
  status,
  startOn: null,
  outcome: null,
  maxDoseG: null,
  decidedOn: null,
});

const state = (
  protocol: string,
  statuses: ScheduledChallenge['status'][],
  pausedOn: string | null = null,
): ReintroductionState => ({
  protocol,
  startedOn: '2026-11-02',
  pausedOn,
  challenges: statuses.map((s, i) => challenge(`c-${i}`, s)),
});

describe('planningPhase', () => {
  const aip = protocolOf('aip');
  const low = protocolOf('low-fodmap');

  it('plans on the elimination phase while challenges remain, whatever the profile phase', () => {
    expect(
      planningPhase(aip, 'reintroduction-2', state('aip', ['done', 'active', 'pending'])),
    ).toEqual({ phaseId: 'elimination', reintroduction: true });
    expect(planningPhase(low, 'reintroduction', state('low-fodmap', ['pending']))).toEqual({
      phaseId: 'elimination',
      reintroduction: true,
    });
  });

  it('a paused reintroduction is still one', () => {
    expect(planningPhase(aip, 'maintenance', state('aip', ['pending'], '2026-11-10')).phaseId).toBe(
      'elimination',
    );
  });

  it("uses the profile's phase with none, when all are done or skipped, or for another protocol", () => {
    expect(planningPhase(aip, 'reintroduction-1', null)).toEqual({
      phaseId: 'reintroduction-1',
      reintroduction: false,
    });
    expect(planningPhase(aip, 'maintenance', state('aip', ['done', 'skipped'])).phaseId).toBe(
      'maintenance',
    );
    expect(planningPhase(aip, 'maintenance', state('aip', [])).phaseId).toBe('maintenance');
    expect(planningPhase(aip, 'maintenance', state('low-fodmap', ['pending'])).phaseId).toBe(
      'maintenance',
    );
  });

  it('the elimination phase is each seeded protocol’s first', () => {
    for (const id of ['aip', 'low-fodmap', 'whole30', 'six-food', 'gut-reset']) {
      expect(protocolOf(id).phases[0]?.id).toBe('elimination');
    }
  });
});

describe('isReintroductionActive', () => {
  it('is true while a challenge is pending or active', () => {
    expect(isReintroductionActive(null)).toBe(false);
    expect(isReintroductionActive(state('aip', ['done', 'skipped']))).toBe(false);
    expect(isReintroductionActive(state('aip', ['done', 'pending']))).toBe(true);
    expect(isReintroductionActive(state('aip', ['active']))).toBe(true);
  });
});
