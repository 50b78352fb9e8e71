import { describe, expect, it } from 'vitest';
import { protocolSchema } from '@/lib/protocols/schema';
import { loadProtocols } from '@/seeds/protocols/load';

const diet = {
  id: 'plain',
  kind: 'diet',
  name: 'Plain',
  summary: 'Everything.',
  whatIsOut: ['nothing'],
  whatIsIn: ['fish', 'apples and pears'],
  howLong: 'always',
  talkToClinician: ['ask'],
  evidence: 'none',
  ruleSetVersion: 'v1',
  phases: [
    {
      id: 'default',
      name: 'Plain',
      summary: 'All.',
      durationWeeks: { min: 0, max: null },
      exclude: [],
    },
  ],
};

describe('whatIsInFoods', () => {
  it('takes one list per "what is in" line, of NDB numbers or search terms', () => {
    const ok = protocolSchema.safeParse({
      ...diet,
      whatIsInFoods: [['15076'], ['09003', 'pears']],
    });
    expect(ok.success).toBe(true);
  });

  it('rejects a list count that differs from the lines, naming the field', () => {
    const r = protocolSchema.safeParse({ ...diet, whatIsInFoods: [['15076']] });
    expect(r.error?.issues[0]?.path).toEqual(['whatIsInFoods']);
    expect(r.error?.issues[0]?.message).toMatch(/one list of foods per whatIsIn line \(2\), got 1/);
  });

  it('rejects an empty line and a malformed NDB number', () => {
    expect(protocolSchema.safeParse({ ...diet, whatIsInFoods: [[], ['09003']] }).success).toBe(
      false,
    );
    expect(
      protocolSchema.safeParse({ ...diet, whatIsInFoods: [['1507'], ['09003']] }).success,
    ).toBe(false);
  });

  it('is filled in for every protocol and diet', () => {
    for (const p of loadProtocols()) expect(p.whatIsInFoods?.length, p.id).toBe(p.whatIsIn.length);
  });
});
