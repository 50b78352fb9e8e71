import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDITED_CODES, type AuditFood, scoreAudit } from '@/bench/tagging-audit';
import type { FoodTagging } from '@/lib/foods/types';

// Synthetic foods only: the audit set is a measurement set and no unit test reads it.
const tag = (allergens: [string, 'contains' | 'may-contain'][], groups: string[]): FoodTagging =>
  ({
    allergens: allergens.map(([code, certainty]) => ({
      code,
      certainty,
      rationale: 'r',
      source: 's',
    })),
    tags: groups.map((code) => ({ code, certainty: 'contains', rationale: 'r', source: 's' })),
    inflammation: { class: 'neutral', evidence: 'weak', rationale: 'r', source: 's' },
  }) as FoodTagging;

const food = (
  ndb: string,
  allergens: AuditFood['allergens'],
  groups: AuditFood['groups'],
): AuditFood => ({ ndb, description: `food ${ndb}`, allergens, groups, notes: '' });

describe('scoreAudit (bench/tagging-audit)', () => {
  const audit = [
    food('00001', { milk: 'contains' }, ['dairy', 'animal']),
    food('00002', { soy: 'may-contain' }, ['soy', 'legume']),
    food('00003', {}, []),
  ];
  const tagged = new Map<string, FoodTagging>([
    ['00001', tag([['milk', 'may-contain']], ['dairy', 'animal'])],
    ['00002', tag([], ['legume'])],
    ['00003', tag([['sesame', 'may-contain']], [])],
    // a derived food outside SR21 and outside the audit is ignored
    ['99001', tag([['egg', 'contains']], ['egg'])],
  ]);
  const result = scoreAudit(audit, tagged, new Map([['00001', 'food 00001']]));
  const row = (code: string) => result.rows.find((r) => r.code === code);

  it('scores every audited code, counting a may-contain tag as present', () => {
    expect(result.rows.map((r) => r.code).sort()).toEqual([...AUDITED_CODES].sort());
    expect(row('milk')).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(row('soy')).toMatchObject({ tp: 0, fp: 0, fn: 1, recall: 0 });
    expect(row('sesame')).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0 });
    expect(row('egg')).toMatchObject({ tp: 0, fp: 0, fn: 0 });
  });

  it('lists allergen misses and extras by food, and ignores foods outside the audit', () => {
    expect(result.allergenMisses).toEqual([
      { ndb: '00002', description: 'food 00002', code: 'soy', certainty: 'may-contain' },
    ]);
    expect(result.allergenExtras).toEqual([
      { ndb: '00003', description: 'food 00003', code: 'sesame' },
    ]);
    expect(result.groupMisses).toEqual([]);
    expect(result.untagged).toEqual([]);
    expect(result.renamed).toEqual([]);
  });

  it('reports audit foods the tagger lost and descriptions that changed', () => {
    const lost = scoreAudit(audit, new Map(), new Map([['00003', 'renamed']]));
    expect(lost.untagged).toEqual(['00001', '00002', '00003']);
    expect(lost.renamed).toEqual(['00003']);
    expect(lost.allergenMisses.map((m) => m.code)).toEqual(['milk', 'soy']);
  });
});

describe('the audit set stays out of the unit tests', () => {
  it('no test file reads the audit data', () => {
    const here = fileURLToPath(import.meta.url);
    const testsDir = join(here, '..', '..', '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|json)$/.test(name) && path !== here) files.push(path);
      }
    };
    walk(testsDir);
    expect(files.length).toBeGreaterThan(10);
    const readers = files.filter((f) =>
      /tagging-audit\.json|bench\/audit|loadAudit|measureTaggingAudit/.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(readers).toEqual([]);
  });
});
