import 'server-only';
import type { Caller } from '@/app/_server/auth/caller';
import type { Db } from '@/db/client';
import { foodsByConcept, listConcepts } from '@/db/queries/food-concepts';
import { claimOwnProfile, releaseOwnProfile } from '@/db/queries/household-members';
import {
  deleteProfile,
  foodNamesByNdb,
  getProfileById,
  getProfileInput,
  insertProfile,
  type Profile,
  replaceProfile,
} from '@/db/queries/profiles';
import { listProtocols } from '@/db/queries/protocols';
import { setPantryChoice } from '@/db/queries/shopping';
import { conceptLabel } from '@/lib/foods/concepts';
import { AppError } from '@/lib/http/app-error';
import { type ProfileInput, type ProfilePatch, profileCreateSchema } from '@/lib/profiles/schema';
import { buildRestriction, findProtocol } from '@/lib/protocols/build-restriction';
import { planningPhase } from '@/lib/reintroduction/background';
import type { ReintroductionState } from '@/lib/reintroduction/types';
import type { Restriction } from '@/lib/restrictions/types';
import { resolvePersonalList } from './personal-list';

type RestrictedProfile = Pick<
  ProfileInput,
  | 'dislikes'
  | 'dislikedConcepts'
  | 'protocol'
  | 'phase'
  | 'diet'
  | 'allergens'
  | 'avoid'
  | 'personal'
>;

/**
 * The profile's restriction, its personal food list on top; also checks what the schema cannot
 * (ids against the seeded protocols, dislikes and personal entries against the catalog): a 400
 * names the unknown field. `reintroduction`: the profile's stored one, when planning (see
 * planningPhase); validation leaves it out and checks the profile's own phase.
 */
export async function restrictionForProfile(
  db: Db,
  profile: RestrictedProfile,
  reintroduction: ReintroductionState | null = null,
): Promise<Restriction> {
  const names = await foodNamesByNdb(db, profile.dislikes);
  const missing = profile.dislikes.filter((ndb) => !names.has(ndb));
  if (missing.length > 0) throw AppError.invalid('dislikes', `unknown food ${missing.join(', ')}`);
  const known = await listConcepts(db);
  const concepts = profile.dislikedConcepts.map((id) => ({
    id,
    concept: known.find((c) => c.id === id),
  }));
  const unknown = concepts.filter((c) => !c.concept).map((c) => `"${c.id}"`);
  if (unknown.length > 0) {
    throw AppError.invalid(
      'dislikedConcepts',
      `unknown food concept ${unknown.join(', ')}; choose one of: ${known.map((c) => c.id).join(', ')}`,
    );
  }
  const personal = await resolvePersonalList(db, profile.personal);
  const conceptFoods = await foodsByConcept(db);
  const protocols = await listProtocols(db);
  const protocol = findProtocol(protocols, profile.protocol);
  const phase = protocol ? planningPhase(protocol, profile.phase, reintroduction) : null;
  const result = buildRestriction({
    protocols,
    protocolId: profile.protocol,
    phaseId: phase?.phaseId ?? profile.phase,
    diet: profile.diet,
    allergens: profile.allergens,
    avoid: profile.avoid,
    dislikes: profile.dislikes.map((ndb) => ({ ndb, name: names.get(ndb) ?? ndb })),
    dislikedConcepts: concepts.flatMap(({ id, concept }) =>
      concept ? [{ label: conceptLabel(concept), ndbs: conceptFoods.get(id) ?? [] }] : [],
    ),
    personal,
  });
  if (!result.ok) throw AppError.invalid(result.field, result.message);
  return result.restriction;
}

/**
 * `today` (the local date, YYYY-MM-DD) is when the phase started unless the body says; the
 * profile joins the caller's household. The first profile a user makes is their own (in the
 * same transaction); an owner may make more (children, people without an account), a member
 * who has their own profile may not (403, nothing saved).
 */
export async function createProfile(
  db: Db,
  input: ProfileInput,
  now: string,
  today: string,
  caller: Caller,
): Promise<Profile> {
  await restrictionForProfile(db, input);
  return db.transaction(async (tx) => {
    const profile = await insertProfile(
      tx,
      { ...input, phaseStartedOn: input.phaseStartedOn ?? today },
      now,
      caller.householdId,
    );
    const own = await claimOwnProfile(tx, caller.userId, profile.id);
    if (!own && caller.role === 'member')
      throw AppError.forbidden('forbidden', 'A member manages only their own profile.');
    return profile;
  });
}

/**
 * When the merged profile's phase started: the date the patch sends; today when it sends null
 * or moves to another protocol or phase without a date; else the stored one.
 */
function phaseStart(stored: ProfileInput, patch: ProfilePatch, today: string): string | null {
  if (patch.phaseStartedOn !== undefined) return patch.phaseStartedOn ?? today;
  const moved =
    (patch.protocol !== undefined && patch.protocol !== stored.protocol) ||
    (patch.phase !== undefined && patch.phase !== stored.phase);
  return moved ? today : stored.phaseStartedOn;
}

export async function loadProfileOr404(db: Db, id: number): Promise<Profile> {
  const profile = await getProfileById(db, id);
  if (!profile) throw AppError.notFound('Profile', String(id));
  return profile;
}

/**
 * Applies a patch on top of the stored profile and re-validates the whole result (schema,
 * safety gates, catalog ids), in one transaction so a concurrent patch is never lost. Null
 * when there is no such profile. `today` is the local date, YYYY-MM-DD.
 */
export async function updateProfile(
  db: Db,
  id: number,
  patch: ProfilePatch,
  now: string,
  today: string,
): Promise<Profile | null> {
  return db.transaction(async (tx) => {
    const stored = await getProfileInput(tx, id);
    if (!stored) return null;
    const merged = {
      ...stored,
      ...patch,
      phaseStartedOn: phaseStart(stored, patch, today),
      maxMinutes: { ...stored.maxMinutes, ...(patch.maxMinutes ?? {}) },
      cooking: {
        weekday: { ...stored.cooking.weekday, ...(patch.cooking?.weekday ?? {}) },
        weekend: { ...stored.cooking.weekend, ...(patch.cooking?.weekend ?? {}) },
      },
      mealTimes: { ...stored.mealTimes, ...(patch.mealTimes ?? {}) },
    };
    const parsed = profileCreateSchema.safeParse(merged);
    if (!parsed.success) throw AppError.badRequest(parsed.error, 'profile');
    await restrictionForProfile(tx, parsed.data);
    return replaceProfile(tx, id, parsed.data, now);
  });
}

/**
 * Deletes a profile with its plans, shopping checks and pantry choices. When it was someone's
 * own profile, they have none any more (and may make a new one); their account stays.
 */
export async function removeProfile(db: Db, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await deleteProfile(tx, id))) throw AppError.notFound('Profile', String(id));
    await releaseOwnProfile(tx, id);
  });
}

/** The user's explicit pantry choice for a food of the catalog; it beats the default rules. */
export async function choosePantry(
  db: Db,
  profileId: number,
  ndb: string,
  inPantry: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    await loadProfileOr404(tx, profileId);
    if (!(await foodNamesByNdb(tx, [ndb])).has(ndb)) throw AppError.notFound('Food', ndb);
    await setPantryChoice(tx, profileId, ndb, inPantry);
  });
}
