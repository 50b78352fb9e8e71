/**
 * Tagging precision and recall against the independent audit set (bench/audit/): 312 SR21
 * foods drawn at random (seeded) across all 24 food groups and judged by hand. Every scored
 * code a food does not list is a judged negative. A code counts as present at any certainty.
 * Run alone: node --conditions=react-server --import tsx bench/tagging-audit.ts [--group-misses]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ALLERGEN_CODES, CERTAINTIES, type GROUP_CODES } from '../lib/foods/codes';
import type { FoodTagging } from '../lib/foods/types';
import { tagAllFoods } from '../lib/tagging';
import { readSr21Files } from '../lib/usda/load-files';
import { parseSr21 } from '../lib/usda/parse';
import { loadTagRules } from '../seeds/tagging/load';
import type { TagCode, TaggingExpectation } from '../tests/unit/tagging/expectations';
import { printTable } from './table';
import { scoreTagging, type TagQuality } from './tagging-quality';

export const AUDIT_PATH = join(process.cwd(), 'bench', 'audit', 'tagging-audit.json');

/** Group codes the audit judges (the public contract minus FODMAP and pseudo-grain). */
export const AUDITED_GROUP_CODES = [
  'gluten',
  'dairy',
  'egg',
  'soy',
  'nightshade',
  'legume',
  'grain',
  'nut',
  'seed',
  'alcohol',
  'added-sugar',
  'coffee',
  'processed',
  'red-meat',
  'pork',
  'poultry',
  'fish',
  'shellfish',
  'meat',
  'animal',
] as const satisfies readonly (typeof GROUP_CODES)[number][];

/** Every scored code once (gluten, egg, soy and fish are both allergen and group codes). */
export const AUDITED_CODES: TagCode[] = [
  ...new Set<TagCode>([...ALLERGEN_CODES, ...AUDITED_GROUP_CODES]),
];

const auditSchema = z.object({
  seed: z.number(),
  foods: z
    .array(
      z.object({
        ndb: z.string().regex(/^\d{5}$/),
        description: z.string().min(1),
        allergens: z.partialRecord(z.enum(ALLERGEN_CODES), z.enum(CERTAINTIES)),
        groups: z.array(z.enum(AUDITED_GROUP_CODES)),
        notes: z.string(),
      }),
    )
    .min(300),
});
export type AuditFood = z.infer<typeof auditSchema>['foods'][number];

export function loadAudit(path = AUDIT_PATH): AuditFood[] {
  return auditSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).foods;
}

/** Turns audit entries into has/hasNot rows over every audited code. */
export function auditExpectations(foods: readonly AuditFood[]): TaggingExpectation[] {
  return foods.map((f) => {
    const has = new Set<TagCode>([...(Object.keys(f.allergens) as TagCode[]), ...f.groups]);
    return {
      ndb: f.ndb,
      name: f.description,
      has: AUDITED_CODES.filter((c) => has.has(c)),
      hasNot: AUDITED_CODES.filter((c) => !has.has(c)),
    };
  });
}

export type AuditMiss = { ndb: string; description: string; code: string; certainty?: string };

export type AuditResult = {
  foods: number;
  rows: TagQuality[];
  /** Allergens the audit found and the tagger did not (the defects). */
  allergenMisses: AuditMiss[];
  /** Allergens the tagger gave and the audit judged absent. */
  allergenExtras: AuditMiss[];
  /** Group codes the audit found and the tagger did not. */
  groupMisses: AuditMiss[];
  /** Audit foods the tagger returned nothing for (scored as untagged). */
  untagged: string[];
  /** Audit foods whose SR21 description no longer matches the audit's. */
  renamed: string[];
};

/** Scores a tagging map against the audit. Pure; foods not in the audit (e.g. derived 99xxx) are ignored. */
export function scoreAudit(
  foods: readonly AuditFood[],
  tagged: ReadonlyMap<string, FoodTagging>,
  descriptions: ReadonlyMap<string, string> = new Map(),
): AuditResult {
  const allergenSet = new Set<string>(ALLERGEN_CODES);
  const allergenMisses: AuditMiss[] = [];
  const allergenExtras: AuditMiss[] = [];
  const groupMisses: AuditMiss[] = [];
  const untagged: string[] = [];
  const renamed: string[] = [];
  for (const f of foods) {
    const t = tagged.get(f.ndb);
    if (!t) untagged.push(f.ndb);
    const current = descriptions.get(f.ndb);
    if (current !== undefined && current !== f.description) renamed.push(f.ndb);
    const codes = new Set<string>([
      ...(t?.allergens ?? []).map((x) => x.code),
      ...(t?.tags ?? []).map((x) => x.code),
    ]);
    const judged = new Set<string>([...Object.keys(f.allergens), ...f.groups]);
    for (const [code, certainty] of Object.entries(f.allergens)) {
      if (!codes.has(code)) {
        allergenMisses.push({ ndb: f.ndb, description: f.description, code, certainty });
      }
    }
    for (const code of codes) {
      if (allergenSet.has(code) && !judged.has(code)) {
        allergenExtras.push({ ndb: f.ndb, description: f.description, code });
      }
    }
    for (const code of f.groups) {
      if (!codes.has(code) && !(code in f.allergens)) {
        groupMisses.push({ ndb: f.ndb, description: f.description, code });
      }
    }
  }
  const byCode = (a: AuditMiss, b: AuditMiss) =>
    a.code.localeCompare(b.code) || a.ndb.localeCompare(b.ndb);
  return {
    foods: foods.length,
    rows: scoreTagging(auditExpectations(foods), tagged),
    allergenMisses: allergenMisses.sort(byCode),
    allergenExtras: allergenExtras.sort(byCode),
    groupMisses: groupMisses.sort(byCode),
    untagged,
    renamed,
  };
}

/** Tags all SR21 foods with the committed rules (as tagging-quality does) and scores the audit. */
export function measureTaggingAudit(): AuditResult {
  const foods = parseSr21(readSr21Files());
  const tagged = tagAllFoods(foods, loadTagRules());
  return scoreAudit(loadAudit(), tagged, new Map(foods.map((f) => [f.ndb, f.longDesc])));
}

/** Prints the audit section: per-code table, allergen misses, allergen extras per code. */
export function printTaggingAudit(
  log: (line: string) => void,
  result = measureTaggingAudit(),
  options: { groupMisses?: boolean } = {},
): void {
  const allergenSet = new Set<string>(ALLERGEN_CODES);
  log(`${result.foods} foods; a code is present at any certainty; allergen codes marked *\n`);
  printTable(
    log,
    ['code', 'tp', 'fp', 'fn', 'precision', 'recall'],
    result.rows.map((r) => [
      allergenSet.has(r.code) ? `${r.code} *` : r.code,
      r.tp,
      r.fp,
      r.fn,
      r.precision.toFixed(3),
      r.recall.toFixed(3),
    ]),
  );
  if (result.untagged.length > 0) log(`\nuntagged audit foods: ${result.untagged.join(', ')}`);
  if (result.renamed.length > 0) log(`\nSR21 description changed: ${result.renamed.join(', ')}`);
  log(`\n### Allergen false negatives (${result.allergenMisses.length}; goal 0)\n`);
  printTable(
    log,
    ['ndb', 'description', 'missing', 'audit'],
    result.allergenMisses.map((m) => [m.ndb, m.description, m.code, m.certainty ?? '']),
  );
  const extras = new Map<string, number>();
  for (const e of result.allergenExtras) extras.set(e.code, (extras.get(e.code) ?? 0) + 1);
  log('\n### Allergen false positives per code\n');
  printTable(
    log,
    ['code', 'false positives', 'foods'],
    [...extras].map(([code, n]) => [
      code,
      n,
      result.allergenExtras
        .filter((e) => e.code === code)
        .map((e) => e.ndb)
        .join(' '),
    ]),
  );
  if (options.groupMisses) {
    log(`\n### Group false negatives (${result.groupMisses.length})\n`);
    printTable(
      log,
      ['ndb', 'description', 'missing'],
      result.groupMisses.map((m) => [m.ndb, m.description, m.code]),
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('## Tagging precision and recall against the audit set (bench/audit)\n');
  printTaggingAudit((line) => console.log(line), measureTaggingAudit(), {
    groupMisses: process.argv.includes('--group-misses'),
  });
}
