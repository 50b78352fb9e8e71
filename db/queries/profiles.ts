import 'server-only';
import { conceptLabel } from '../../lib/foods/concepts';
import { AppError } from '../../lib/http/app-error';
import type { NutrientTargets } from '../../lib/nutrition/nutrient-model';
import { computeTargets, type NutritionTargets } from '../../lib/nutrition/targets';
import {
  type ProfileInput,
  type ProfilePatch,
  profileCreateSchema,
} from '../../lib/profiles/schema';
import { buildRestriction } from '../../lib/protocols/build-restriction';
import type { Restriction } from '../../lib/restrictions/types';
import type { Db } from '../client';
import { resolveNutrientTargets } from './dri';
import { conceptById, FOOD_CONCEPTS, foodsByConcept } from './food-concepts';
import { listProtocols } from './protocols';

/**
 * A stored profile as the API returns it: the body fields, today's `targets` (energy, protein,
 * fibre) and `nutrientTargets` resolved (DRI defaults for the life stage, clinician overrides
 * marked `source: 'set'`), where the body sent only the overrides.
 */
export type Profile = Omit<ProfileInput, 'nutrientTargets'> & {
  id: number;
  targets: NutritionTargets;
  nutrientTargets: NutrientTargets;
  createdAt: string;
  updatedAt: string;
};

type ProfileRow = {
  id: number;
  name: string;
  data: string;
  created_at: string;
  updated_at: string;
};

/** The stored body; rows written before a field existed get its default. */
function storedInput(row: ProfileRow): ProfileInput {
  const data = JSON.parse(row.data) as ProfileInput;
  return {
    ...data,
    body: data.body
      ? {
          ...data.body,
          pregnant: data.body.pregnant ?? false,
          lactating: data.body.lactating ?? false,
        }
      : null,
    dislikedConcepts: data.dislikedConcepts ?? [],
    energySplit: data.energySplit ?? {},
    clinicianSupervised: data.clinicianSupervised ?? false,
    nutrientTargets: data.nutrientTargets ?? {},
  };
}

function toProfile(row: ProfileRow): Profile {
  const data = storedInput(row);
  return {
    id: row.id,
    ...data,
    targets: computeTargets(data),
    nutrientTargets: resolveNutrientTargets({
      sex: data.body?.sex ?? null,
      ageYears: data.body?.ageYears ?? null,
      pregnant: data.body?.pregnant ?? false,
      lactating: data.body?.lactating ?? false,
      overrides: data.nutrientTargets,
    }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function getRow(db: Db, id: number): ProfileRow | undefined {
  return db.$client.prepare('SELECT * FROM profiles WHERE id = ?').get(id) as
    | ProfileRow
    | undefined;
}

/**
 * The profile's restriction; also checks what the schema cannot (ids against the seeded
 * protocols, dislikes against the foods): a 400 names the unknown field.
 */
export function restrictionForProfile(
  db: Db,
  profile: Pick<
    ProfileInput,
    'dislikes' | 'dislikedConcepts' | 'protocol' | 'phase' | 'diet' | 'allergens' | 'avoid'
  >,
): Restriction {
  const names = dislikedFoodNames(db, profile.dislikes);
  const missing = profile.dislikes.filter((ndb) => !names.has(ndb));
  if (missing.length > 0) throw AppError.invalid('dislikes', `unknown food ${missing.join(', ')}`);
  const unknown = profile.dislikedConcepts.filter((id) => !conceptById(id));
  if (unknown.length > 0) {
    throw AppError.invalid(
      'dislikedConcepts',
      `unknown food concept ${unknown.map((id) => `"${id}"`).join(', ')}; choose one of: ${FOOD_CONCEPTS.map((c) => c.id).join(', ')}`,
    );
  }
  const conceptFoods = foodsByConcept(db);
  const result = buildRestriction({
    protocols: listProtocols(db),
    protocolId: profile.protocol,
    phaseId: profile.phase,
    diet: profile.diet,
    allergens: profile.allergens,
    avoid: profile.avoid,
    dislikes: profile.dislikes.map((ndb) => ({ ndb, name: names.get(ndb) ?? ndb })),
    dislikedConcepts: profile.dislikedConcepts.map((id) => ({
      label: conceptLabel(conceptById(id)!),
      ndbs: conceptFoods.get(id) ?? [],
    })),
  });
  if (!result.ok) throw AppError.invalid(result.field, result.message);
  return result.restriction;
}

/** Food names by NDB number, for the foods a profile dislikes. */
export function dislikedFoodNames(db: Db, ndbs: string[]): Map<string, string> {
  if (ndbs.length === 0) return new Map();
  const rows = db.$client
    .prepare(`SELECT ndb, name FROM foods WHERE ndb IN (${ndbs.map(() => '?').join(',')})`)
    .all(...ndbs) as { ndb: string; name: string }[];
  return new Map(rows.map((r) => [r.ndb, r.name]));
}

export function createProfile(db: Db, input: ProfileInput, now: string): Profile {
  restrictionForProfile(db, input);
  const row = db.$client
    .prepare(
      'INSERT INTO profiles (name, data, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING *',
    )
    .get(input.name, JSON.stringify(input), now, now) as ProfileRow;
  return toProfile(row);
}

export function getProfileById(db: Db, id: number): Profile | null {
  const row = getRow(db, id);
  return row ? toProfile(row) : null;
}

export function listProfiles(db: Db): Profile[] {
  const rows = db.$client
    .prepare('SELECT * FROM profiles ORDER BY updated_at DESC, id DESC')
    .all() as ProfileRow[];
  return rows.map(toProfile);
}

/** Applies a patch on top of the stored profile and re-validates the whole result. */
export function updateProfile(
  db: Db,
  id: number,
  patch: ProfilePatch,
  now: string,
): Profile | null {
  const current = getRow(db, id);
  if (!current) return null;
  const stored = storedInput(current);
  const merged = {
    ...stored,
    ...patch,
    maxMinutes: { ...stored.maxMinutes, ...(patch.maxMinutes ?? {}) },
    mealTimes: { ...stored.mealTimes, ...(patch.mealTimes ?? {}) },
  };
  const parsed = profileCreateSchema.safeParse(merged);
  if (!parsed.success) throw AppError.badRequest(parsed.error, 'profile');
  restrictionForProfile(db, parsed.data);
  const row = db.$client
    .prepare('UPDATE profiles SET name = ?, data = ?, updated_at = ? WHERE id = ? RETURNING *')
    .get(parsed.data.name, JSON.stringify(parsed.data), now, id) as ProfileRow;
  return toProfile(row);
}

export function deleteProfile(db: Db, id: number): boolean {
  return db.$client.prepare('DELETE FROM profiles WHERE id = ?').run(id).changes > 0;
}
