import 'server-only';
import type { Db } from '@/db/client';
import { foodsByConcept, listConcepts } from '@/db/queries/food-concepts';
import { foodNamesByNdb } from '@/db/queries/profiles';
import { GROUP_CODES, type GroupCode } from '@/lib/foods/codes';
import { conceptLabel } from '@/lib/foods/concepts';
import { AppError } from '@/lib/http/app-error';
import { GROUP_LABELS } from '@/lib/protocols/labels';
import type { ResolvedPersonalList } from '@/lib/protocols/personal-list';
import type { PersonalEntry, PersonalList } from '@/lib/reintroduction/types';

const LISTS = ['allowed', 'excluded'] as const;
const isGroup = (code: string): code is GroupCode =>
  (GROUP_CODES as readonly string[]).includes(code);

/**
 * Checks a personal food list against the catalog (group codes, concept ids, NDB numbers) and
 * gives each entry its label and foods. A 400 names the entry's field
 * (`personal.allowed[0].code`); an entry both allowed and kept out is a 400 on the second.
 */
export async function resolvePersonalList(
  db: Db,
  personal: PersonalList,
): Promise<ResolvedPersonalList> {
  const entries = LISTS.flatMap((list) => personal[list].map((e, i) => ({ list, i, e })));
  const ndbs = entries.filter(({ e }) => e.kind === 'food').map(({ e }) => e.code);
  const [names, concepts] = await Promise.all([foodNamesByNdb(db, ndbs), listConcepts(db)]);
  const seen = new Map<string, string>();
  for (const { list, i, e } of entries) {
    const field = `personal.${list}[${i}].code`;
    const known =
      e.kind === 'group'
        ? isGroup(e.code)
        : e.kind === 'concept'
          ? concepts.some((c) => c.id === e.code)
          : names.has(e.code);
    if (!known) {
      const what =
        e.kind === 'group' ? 'food group' : e.kind === 'concept' ? 'food concept' : 'food';
      const choose =
        e.kind === 'group'
          ? `; choose one of: ${GROUP_CODES.join(', ')}`
          : e.kind === 'concept'
            ? `; choose one of: ${concepts.map((c) => c.id).join(', ')}`
            : '';
      throw AppError.invalid(field, `unknown ${what} "${e.code}"${choose}`);
    }
    const key = `${e.kind}:${e.code}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const both = first.startsWith(`personal.${list}[`)
        ? 'twice in the list'
        : 'both allowed and kept out';
      throw AppError.invalid(
        field,
        `${e.kind} "${e.code}" is ${both} (see ${first}); keep one entry`,
      );
    }
    seen.set(key, field);
  }
  const conceptFoods = await foodsByConcept(db);
  const resolve = (e: PersonalEntry) => {
    const concept = concepts.find((c) => c.id === e.code);
    const label =
      e.label ??
      (e.kind === 'group' && isGroup(e.code)
        ? GROUP_LABELS[e.code]
        : e.kind === 'concept' && concept
          ? conceptLabel(concept)
          : (names.get(e.code) ?? e.code));
    const foods =
      e.kind === 'food' ? [e.code] : e.kind === 'concept' ? (conceptFoods.get(e.code) ?? []) : [];
    return {
      kind: e.kind,
      code: e.code,
      maxDoseG: e.maxDoseG,
      source: e.source,
      label,
      ndbs: foods,
    };
  };
  return { allowed: personal.allowed.map(resolve), excluded: personal.excluded.map(resolve) };
}
