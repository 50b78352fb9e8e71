import { describe, expect, it } from 'vitest';
import {
  buildRestriction,
  findProtocol,
  impossibleDietFor,
  restrictionForPhase,
} from '@/lib/protocols/build-restriction';
import { crossFileProblems, protocolSchema } from '@/lib/protocols/schema';
import { summarizeViolations } from '@/lib/restrictions/recipe-violations';
import { findViolations, isAllowed } from '@/lib/restrictions/violations';
import { builder, food, protocols } from './fixtures';

const build = builder({ protocolId: 'whole30', phaseId: 'elimination' });

const lentils = food('lentils', ['legume', 'fodmap-gos', 'high-fodmap']);
const tofu = food('tofu', ['legume', 'soy', 'high-fodmap'], ['soy']);
const peanutButter = food('peanut butter', ['legume'], ['peanut']);
const rice = food('white rice', ['grain', 'rice']);
const cheese = food('cheddar', ['dairy', 'animal'], ['milk']);
const sugar = food('white sugar', ['added-sugar']);
const ghee = food('ghee', ['dairy', 'ghee', 'animal'], ['milk']);
const eggs = food('egg', ['egg', 'animal'], ['egg']);

describe('Plant-Based Whole30: legumes and soy for vegetarian and vegan diets', () => {
  it.each(['elimination', 'reintroduction'])(
    'Whole30 %s with a vegetarian or vegan diet allows lentils, tofu and peanuts',
    (phaseId) => {
      for (const diet of ['vegetarian', 'vegan']) {
        const r = build({ phaseId, diet });
        for (const f of [lentils, tofu, peanutButter]) expect(isAllowed(f, r), f.name).toBe(true);
      }
    },
  );

  it('Whole30 with an omnivore or pescatarian diet still leaves lentils and tofu out', () => {
    for (const diet of ['omnivore', 'pescatarian']) {
      const r = build({ diet });
      expect(findViolations(lentils, r)).toEqual([
        expect.objectContaining({ code: 'legume', reason: 'not in Whole30 · Elimination' }),
      ]);
      expect(findViolations(tofu, r).map((v) => v.code)).toEqual(['legume', 'soy']);
    }
  });

  it('the rest of Whole30 stays for a vegetarian: grains, dairy and added sugar are out', () => {
    const r = build({ diet: 'vegetarian' });
    for (const f of [rice, cheese, sugar]) expect(isAllowed(f, r), f.name).toBe(false);
    expect(isAllowed(eggs, r)).toBe(true);
    expect(isAllowed(ghee, build({ diet: 'vegan' }))).toBe(false);
  });

  it('an allergy or an avoided group is never lifted by the exception', () => {
    expect(isAllowed(tofu, build({ diet: 'vegan', allergens: ['soy'] }))).toBe(false);
    expect(isAllowed(lentils, build({ diet: 'vegan', avoid: ['legume'] }))).toBe(false);
    expect(isAllowed(peanutButter, build({ diet: 'vegan', allergens: ['peanut'] }))).toBe(false);
  });

  it('no other protocol lifts legumes for a vegan diet', () => {
    for (const protocolId of ['aip', 'six-food', 'gut-reset']) {
      const r = buildRestriction({
        protocols,
        protocolId,
        phaseId: 'elimination',
        diet: 'vegan',
        allergens: [],
        avoid: [],
        dislikes: [],
      });
      if (!r.ok) throw new Error(r.message);
      const before = restrictionForPhase(
        findProtocol(protocols, protocolId)!,
        findProtocol(protocols, protocolId)!.phases[0]!,
      ).rules.map((x) => x.code);
      const after = r.restriction.rules.filter((x) => x.origin === 'protocol').map((x) => x.code);
      expect(after, protocolId).toEqual(before);
    }
  });

  it("a recipe's compliance reason (no diet known) names the exception in plain words", () => {
    const whole30 = findProtocol(protocols, 'whole30')!;
    const reasons = summarizeViolations(
      [lentils, rice].flatMap((f) =>
        findViolations(f, restrictionForPhase(whole30, whole30.phases[0]!)),
      ),
    );
    expect(reasons).toEqual([
      {
        code: 'legume',
        reason: expect.stringMatching(
          /^not in Whole30 · Elimination unless vegetarian or vegan — the Plant-Based Whole30/,
        ),
        foods: ['lentils'],
      },
      { code: 'grain', reason: 'not in Whole30 · Elimination', foods: ['white rice'] },
      { code: 'rice', reason: 'not in Whole30 · Elimination', foods: ['white rice'] },
    ]);
  });
});

describe('impossible diets: AIP elimination without meat or fish', () => {
  it.each(['vegetarian', 'vegan'])('AIP elimination + %s carries the plain reason', (diet) => {
    const r = build({ protocolId: 'aip', diet });
    expect(r.impossible?.reason).toMatch(
      new RegExp(`^AIP · Elimination and a ${diet} diet cannot be combined: `),
    );
    expect(r.impossible?.reason).toContain('not in this phase');
    expect(r.impossible?.reason).toContain('no complete protein source');
    expect(r.impossible?.reason).toContain('clinician');
  });

  it('other combinations are not declared impossible', () => {
    expect(build({ protocolId: 'aip', diet: 'pescatarian' }).impossible).toBeUndefined();
    expect(
      build({ protocolId: 'aip', phaseId: 'reintroduction-2', diet: 'vegan' }).impossible,
    ).toBeUndefined();
    expect(build({ diet: 'vegan' }).impossible).toBeUndefined();
    const aip = findProtocol(protocols, 'aip')!;
    expect(impossibleDietFor(aip, 'elimination', 'omnivore')).toBeUndefined();
  });
});

describe('protocol schema: diet exceptions and impossible diets', () => {
  const whole30 = () => structuredClone(findProtocol(protocols, 'whole30')!);

  it('an exception may only lift what the phase leaves out', () => {
    const p = whole30();
    p.phases[0]!.dietExceptions[0]!.allow = ['nut'];
    const r = protocolSchema.safeParse(p);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/nut not in this phase's exclude/);
  });

  it('an impossible combination names phases the protocol has', () => {
    const p = whole30();
    p.impossibleDiets = [{ diets: ['vegan'], phases: ['stage-9'], reason: 'x' }];
    const r = protocolSchema.safeParse(p);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('unknown phase stage-9');
  });

  it('every diet a protocol names is a loaded diet file', () => {
    expect(crossFileProblems(protocols)).toEqual([]);
    const p = whole30();
    p.phases[0]!.dietExceptions[0]!.diets = ['fruitarian'];
    const broken = [...protocols.filter((x) => x.id !== 'whole30'), protocolSchema.parse(p)];
    expect(crossFileProblems(broken)).toEqual([
      'whole30.json: phases.elimination.dietExceptions.0: "fruitarian" is not a diet',
    ]);
  });
});

describe('the words of diet exceptions and impossible diets', () => {
  it('are neutral, name a source, and point no further than a clinician', () => {
    const texts = protocols.flatMap((p) => [
      ...p.phases.flatMap((ph) => ph.dietExceptions.map((e) => e.reason)),
      ...p.impossibleDiets.map((x) => x.reason),
    ]);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).not.toMatch(
        /\b(bad|toxic|poison\w*|junk|unsafe|clean eating|cheat|dangerous)\b/i,
      );
      expect(text).not.toMatch(/\b(supplement|take|dose|mg)\b/i);
    }
    for (const p of protocols) {
      for (const x of p.impossibleDiets) expect(x.reason, p.id).toMatch(/clinician/);
      for (const ph of p.phases)
        for (const e of ph.dietExceptions) expect(e.source, p.id).toMatch(/https:\/\//);
    }
  });
});
