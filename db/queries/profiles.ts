import 'server-only';
import { desc, eq, inArray } from 'drizzle-orm';
import type { DriTable } from '../../lib/nutrition/dri';
import type { NutrientTargets } from '../../lib/nutrition/nutrient-model';
import { nutrientTargetsFor } from '../../lib/nutrition/nutrient-targets';
import { computeTargets, type NutritionTargets } from '../../lib/nutrition/targets';
import { type ProfileInput, storedProfileSchema } from '../../lib/profiles/schema';
import type { Db, Tables } from '../client';
import { loadReferenceData } from './reference-data';

/**
 * A stored profile as the API returns it: the body fields, today's `targets` (energy, protein,
 * fibre) and `nutrientTargets` resolved (DRI defaults for the life stage, clinician overrides
 * marked `source: 'set'`), where the body sent only the overrides.
 */
export type Profile = Omit<ProfileInput, 'nutrientTargets' | 'phaseStartedOn'> & {
  id: number;
  /** YYYY-MM-DD; a row written before the field existed reads its creation day. */
  phaseStartedOn: string;
  targets: NutritionTargets;
  nutrientTargets: NutrientTargets;
  createdAt: string;
  updatedAt: string;
};

type ProfileRow = Tables['profiles']['$inferSelect'];

/** The stored body, parsed: a row written before a field existed gets today's default. */
function storedInput(row: ProfileRow): ProfileInput {
  const parsed = storedProfileSchema.safeParse(row.data);
  // Every row was validated on write; one that no longer parses is damaged data, not a request error.
  if (!parsed.success) {
    throw new Error(`profile ${row.id} holds data that does not parse: ${parsed.error.message}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

function toProfile(row: ProfileRow, dri: DriTable): Profile {
  const data = storedInput(row);
  return {
    id: row.id,
    ...data,
    phaseStartedOn: data.phaseStartedOn ?? row.createdAt.slice(0, 10),
    targets: computeTargets(data),
    nutrientTargets: nutrientTargetsFor(
      {
        sex: data.body?.sex ?? null,
        ageYears: data.body?.ageYears ?? null,
        pregnant: data.body?.pregnant ?? false,
        lactating: data.body?.lactating ?? false,
        overrides: data.nutrientTargets,
      },
      dri,
    ),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function getRow(db: Db, id: number): Promise<ProfileRow | null> {
  const rows = await db.orm.select().from(db.t.profiles).where(eq(db.t.profiles.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function getProfileById(db: Db, id: number): Promise<Profile | null> {
  const row = await getRow(db, id);
  return row ? toProfile(row, (await loadReferenceData(db)).dri) : null;
}

/** The body as stored (overrides only, no computed targets), for merging a patch onto it. */
export async function getProfileInput(db: Db, id: number): Promise<ProfileInput | null> {
  const row = await getRow(db, id);
  return row ? storedInput(row) : null;
}

/** Every profile, most recently changed first. */
/** The profiles of one household, the latest changed first. */
export async function listProfiles(db: Db, householdId: number): Promise<Profile[]> {
  const { profiles } = db.t;
  const rows = await db.orm
    .select()
    .from(profiles)
    .where(eq(profiles.householdId, householdId))
    .orderBy(desc(profiles.updatedAt), desc(profiles.id));
  const { dri } = await loadReferenceData(db);
  return rows.map((r) => toProfile(r, dri));
}

/** Food names by NDB number for the given foods; a number that is no food is absent. */
export async function foodNamesByNdb(
  db: Db,
  ndbs: readonly string[],
): Promise<Map<string, string>> {
  if (ndbs.length === 0) return new Map();
  const { foods } = db.t;
  const rows = await db.orm
    .select({ ndb: foods.ndb, name: foods.name })
    .from(foods)
    .where(inArray(foods.ndb, [...new Set(ndbs)]));
  return new Map(rows.map((r) => [r.ndb, r.name]));
}

/** Stores a validated profile body (the caller checked it against the catalog). */
/** `householdId` null: a profile of no household (as made before accounts existed). */
export async function insertProfile(
  db: Db,
  input: ProfileInput,
  now: string,
  householdId: number | null,
): Promise<Profile> {
  return db.transaction(async (tx) => {
    const rows = await tx.orm
      .insert(tx.t.profiles)
      .values({ name: input.name, data: input, createdAt: now, updatedAt: now, householdId })
      .returning();
    const row = rows[0];
    if (!row) throw new Error('the profile insert returned no row');
    return toProfile(row, (await loadReferenceData(tx)).dri);
  });
}

/** Replaces a profile's body; null when there is no such profile. */
export async function replaceProfile(
  db: Db,
  id: number,
  input: ProfileInput,
  now: string,
): Promise<Profile | null> {
  return db.transaction(async (tx) => {
    const { profiles } = tx.t;
    const rows = await tx.orm
      .update(profiles)
      .set({ name: input.name, data: input, updatedAt: now })
      .where(eq(profiles.id, id))
      .returning();
    return rows[0] ? toProfile(rows[0], (await loadReferenceData(tx)).dri) : null;
  });
}

/**
 * Deletes a profile; its plans (with their meals, shopping checks and changes) and pantry
 * choices go with it by the foreign keys' cascade, in the same transaction. False when there
 * was no such profile.
 */
export async function deleteProfile(db: Db, id: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { profiles } = tx.t;
    const rows = await tx.orm
      .delete(profiles)
      .where(eq(profiles.id, id))
      .returning({ id: profiles.id });
    return rows.length > 0;
  });
}
