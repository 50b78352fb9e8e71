import { createApiToken, signUp } from '../../app/_server/use-cases/accounts';
import type { Db } from '../../db/client';
import type { Role } from '../../db/queries/accounts';

/**
 * Another account, as the command line makes one: the owner of a new household, or (with
 * `member`) a member or clinician of an existing one; with an API token.
 */
export async function makeAccount(
  db: Db,
  email: string,
  member?: { householdId: number; role: Role },
): Promise<{ userId: string; householdId: number; token: string }> {
  const made = await signUp(
    db,
    { email, password: 'another-password-1', name: email },
    { headers: new Headers(), secure: false },
    member,
    { invitesNeeded: false },
  );
  const { token } = await createApiToken(db, made.userId, 'tests');
  return { userId: made.userId, householdId: made.householdId, token };
}
