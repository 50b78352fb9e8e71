import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLERGEN_CODES, FODMAP_SUBGROUP_CODES, GROUP_CODES } from '@/lib/foods/codes';
import { type Protocol, protocolSchema } from '@/lib/protocols/schema';
import { loadProtocols, parseProtocolFile } from '@/seeds/protocols/load';

const protocols = loadProtocols();
const byId = (id: string): Protocol => {
  const p = protocols.find((x) => x.id === id);
  if (!p) throw new Error(`missing protocol ${id}`);
  return p;
};
const eliminations = protocols.filter((p) => p.kind === 'protocol');

describe('protocol seed files', () => {
  it('hold the five protocols and four diets', () => {
    expect(protocols.map((p) => `${p.kind}:${p.id}`).sort()).toEqual([
      'diet:omnivore',
      'diet:pescatarian',
      'diet:vegan',
      'diet:vegetarian',
      'protocol:aip',
      'protocol:gut-reset',
      'protocol:low-fodmap',
      'protocol:six-food',
      'protocol:whole30',
    ]);
  });

  it.each(eliminations.map((p) => [p.id, p] as const))(
    '%s starts with the elimination phase',
    (_id, p) => {
      expect(p.phases[0]?.id).toBe('elimination');
      expect(p.phases.length).toBeGreaterThan(1);
    },
  );

  it.each(protocols.filter((p) => p.kind === 'diet').map((p) => [p.id, p] as const))(
    'diet %s has a single default phase',
    (_id, p) => {
      expect(p.phases.map((ph) => ph.id)).toEqual(['default']);
    },
  );

  it.each(protocols.map((p) => [p.id, p] as const))(
    '%s uses only known codes, each once per list',
    (_id, p) => {
      const groups = new Set<string>(GROUP_CODES);
      const allergens = new Set<string>(ALLERGEN_CODES);
      for (const ph of p.phases) {
        const allowCodes = ph.allow.flatMap((a) => [a.code, ...a.excuses]);
        expect([...ph.exclude, ...allowCodes].filter((c) => !groups.has(c))).toEqual([]);
        expect(ph.excludeAllergens.filter((c) => !allergens.has(c))).toEqual([]);
        expect(new Set(ph.exclude).size).toBe(ph.exclude.length);
        expect(new Set(ph.excludeAllergens).size).toBe(ph.excludeAllergens.length);
      }
    },
  );

  it.each(protocols.map((p) => [p.id, p] as const))('%s uses neutral food language', (_id, p) => {
    const text = [
      p.summary,
      ...p.whatIsOut,
      ...p.whatIsIn,
      ...p.phases.flatMap((ph) => [ph.summary, ...ph.reintroduces, ...ph.allow.map((a) => a.note)]),
    ].join('\n');
    expect(text).not.toMatch(/\b(bad|toxic|poison\w*|junk|unsafe|clean eating|cheat)\b/i);
  });

  it.each(eliminations.map((p) => [p.id, p] as const))(
    '%s tells people when to see a clinician',
    (_id, p) => {
      const advice = p.talkToClinician.join('\n');
      expect(advice).toMatch(/tested before you remove gluten/);
      expect(advice).toMatch(/Weight loss you did not intend/);
      expect(advice).toMatch(/Children/);
      expect(advice).toMatch(/Pregnancy or breastfeeding/);
      expect(advice).toMatch(/eating disorder/);
      expect(advice).toMatch(/EoE\) happen only with a clinician/);
      expect(advice).toMatch(/Never stop or change a medicine/);
    },
  );

  it('AIP elimination leaves out every group Core AIP removes', () => {
    const required = [
      'gluten',
      'grain',
      'pseudo-grain',
      'legume',
      'dairy',
      'egg',
      'nut',
      'seed',
      'seed-spice',
      'berry-spice',
      'nightshade',
      'nightshade-spice',
      'seed-oil',
      'coffee',
      'cocoa',
      'alcohol',
      'added-sugar',
      'processed',
      'soy',
    ];
    const exclude = byId('aip').phases[0]?.exclude ?? [];
    expect(required.filter((c) => !exclude.includes(c as never))).toEqual([]);
  });

  it('AIP has four numbered reintroduction stages between elimination and maintenance', () => {
    expect(byId('aip').phases.map((ph) => ph.id)).toEqual([
      'elimination',
      'reintroduction-1',
      'reintroduction-2',
      'reintroduction-3',
      'reintroduction-4',
      'maintenance',
    ]);
  });

  it('AIP exclusions only ever shrink, and exceptions only ever grow, stage by stage', () => {
    const phases = byId('aip').phases;
    for (let i = 1; i < phases.length; i++) {
      const prev = phases[i - 1]!;
      const cur = phases[i]!;
      expect(cur.exclude.filter((c) => !prev.exclude.includes(c))).toEqual([]);
      const prevAllow = prev.allow.map((a) => `${a.code}>${a.excuses.join('+')}`);
      const curAllow = cur.allow.map((a) => `${a.code}>${a.excuses.join('+')}`);
      expect(prevAllow.filter((a) => !curAllow.includes(a))).toEqual([]);
    }
    // each reintroduction stage brings something back
    for (let i = 1; i <= 4; i++) {
      expect(phases[i]!.exclude.length).toBeLessThan(phases[i - 1]!.exclude.length);
    }
  });

  it('AIP keeps gluten out through maintenance', () => {
    expect(byId('aip').phases.every((ph) => ph.exclude.includes('gluten'))).toBe(true);
  });

  it('low-FODMAP elimination leaves out high-fodmap and every subgroup', () => {
    const exclude = byId('low-fodmap').phases[0]?.exclude ?? [];
    expect([...exclude].sort()).toEqual(['high-fodmap', ...FODMAP_SUBGROUP_CODES].sort());
  });

  it('six-food removes peanuts by allergen code, not every legume', () => {
    const ph = byId('six-food').phases[0]!;
    expect(ph.excludeAllergens).toEqual(expect.arrayContaining(['peanut', 'tree-nut', 'wheat']));
    expect(ph.exclude).not.toContain('legume');
  });

  it('six-food reintroduction is marked clinician-only', () => {
    expect(byId('six-food').phases.map((ph) => ph.requiresClinician)).toEqual([false, true]);
  });

  it('every phase has a positive, ordered duration', () => {
    for (const p of protocols) {
      for (const ph of p.phases) {
        if (ph.durationWeeks.max !== null) {
          expect(ph.durationWeeks.max).toBeGreaterThanOrEqual(ph.durationWeeks.min);
        }
      }
    }
  });
});

const validDiet = {
  id: 'plain',
  kind: 'diet',
  name: 'Plain',
  summary: 'Everything.',
  whatIsOut: ['nothing'],
  whatIsIn: ['everything'],
  howLong: 'always',
  talkToClinician: ['ask'],
  evidence: 'none',
  ruleSetVersion: 'v1',
  phases: [
    {
      id: 'default',
      name: 'Plain',
      summary: 'Everything.',
      durationWeeks: { min: 0, max: null },
      exclude: [],
    },
  ],
};

describe('parseProtocolFile', () => {
  it('accepts a minimal diet and fills defaults', () => {
    const p = parseProtocolFile('plain.json', JSON.stringify(validDiet));
    expect(p.phases[0]).toMatchObject({
      allow: [],
      excludeAllergens: [],
      requiresClinician: false,
    });
  });

  it('names the file and the path of a bad field', () => {
    const bad = structuredClone(validDiet);
    (bad.phases[0]!.exclude as string[]).push('wheat-ish');
    expect(() => parseProtocolFile('plain.json', JSON.stringify(bad))).toThrow(
      /^plain\.json: phases\.0\.exclude\.0: /,
    );
  });

  it('rejects a file whose id differs from its name', () => {
    expect(() => parseProtocolFile('other.json', JSON.stringify(validDiet))).toThrow(
      'other.json: id: "plain" does not match the file name',
    );
  });

  it('rejects broken JSON with the file name', () => {
    expect(() => parseProtocolFile('plain.json', '{ "id": ')).toThrow('plain.json: not valid JSON');
  });

  it('rejects unknown keys (a typo must not silently drop a rule)', () => {
    const bad = structuredClone(validDiet) as Record<string, unknown>;
    bad.phases = [{ ...validDiet.phases[0], excludes: ['meat'] }];
    expect(protocolSchema.safeParse(bad).success).toBe(false);
  });

  it('rejects a diet with more than one phase', () => {
    const bad = {
      ...validDiet,
      phases: [...validDiet.phases, { ...validDiet.phases[0], id: 'x' }],
    };
    const r = protocolSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/exactly one phase/);
  });

  it('rejects a protocol that does not start with elimination', () => {
    const bad = { ...validDiet, kind: 'protocol' };
    expect(protocolSchema.safeParse(bad).error?.issues[0]?.path).toEqual(['phases', 0, 'id']);
  });

  it('loadProtocols fails on the first bad file in a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'protocols-'));
    writeFileSync(join(dir, 'plain.json'), JSON.stringify(validDiet));
    writeFileSync(join(dir, 'zzz.json'), JSON.stringify({ ...validDiet, id: 'zzz', name: '' }));
    try {
      expect(() => loadProtocols(dir)).toThrow(/^zzz\.json: name: /);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
