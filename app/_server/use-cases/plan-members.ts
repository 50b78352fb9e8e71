import 'server-only';
import type { Db } from '@/db/client';
import { loadPlannerRecipes } from '@/db/queries/planner-recipes';
import type { PlanView } from '@/db/queries/plans';
import type { Profile } from '@/db/queries/profiles';
import { AppError } from '@/lib/http/app-error';
import { householdProfile, memberPortions } from '@/lib/planner/household';
import type { PlannerInput } from '@/lib/planner/types';
import { unionRestrictions } from '@/lib/restrictions/union';
import { plannerInputFor, plannerProfileOf, profileRestriction } from './plan-input';
import { loadProfileOr404 } from './profiles';

/** A member of a plan being made or changed: their profile and portion of the planned one. */
export type Member = { profile: Profile; portion: number };

/** The members a plan is asked for, in order (404 for an unknown id), with portions from targets. */
export async function membersFor(db: Db, ids: readonly number[]): Promise<Member[]> {
  const profiles: Profile[] = [];
  for (const id of ids) profiles.push(await loadProfileOr404(db, id));
  const portions = memberPortions(profiles.map((p) => p.targets.energyKcal));
  return profiles.map((profile, i) => ({ profile, portion: portions[i] ?? 1 }));
}

/**
 * A stored plan's members with their current profiles and the portions the plan was made with
 * (a member whose profile was deleted has left the plan). A one-person plan has none: it
 * follows its profile's household.
 */
export async function membersOfPlan(db: Db, view: PlanView): Promise<Member[] | null> {
  if (!view.shared) return null;
  const out: Member[] = [];
  for (const m of view.members)
    out.push({ profile: await loadProfileOr404(db, m.profileId), portion: m.portion });
  return out;
}

/**
 * The planner input of a plan shared by `members`: the union of their restrictions for every
 * meal, the slots they all plan, the strictest limits, the reference member's targets and the
 * sum of the portions as the household (lib/planner/household.ts). 422 when they share no slot.
 */
export async function plannerInputForMembers(
  db: Db,
  members: readonly Member[],
  weekStart: string,
): Promise<PlannerInput> {
  const restrictions = [];
  for (const m of members) {
    restrictions.push({
      name: m.profile.name,
      restriction: await profileRestriction(db, m.profile),
      portion: m.portion,
    });
  }
  const profile = householdProfile(
    members.map((m) => ({ profile: plannerProfileOf(m.profile), portion: m.portion })),
  );
  if (!profile) {
    const slots = members.map((m) => `${m.profile.name}: ${m.profile.slots.join(', ')}`);
    throw AppError.unprocessable(
      'no_shared_slots',
      `These members plan no meal in common (${slots.join('; ')}); a shared plan has the meals every member plans.`,
    );
  }
  return {
    profile,
    restriction: unionRestrictions(restrictions),
    recipes: await loadPlannerRecipes(db),
    weekStart,
  };
}

/** The planner input of a stored plan: its members' when shared, else its profile's. */
export async function plannerInputForPlan(
  db: Db,
  view: PlanView,
  owner: Profile,
): Promise<PlannerInput> {
  const members = await membersOfPlan(db, view);
  return members
    ? plannerInputForMembers(db, members, view.weekStart)
    : plannerInputFor(db, owner, view.weekStart);
}
