import { createApiToken, signUp } from '../../app/_server/use-cases/accounts';
import type { Db } from '../../db/client';

/** The owner every integration template database holds, with an API token (see db.ts). */
export const TEST_OWNER = {
  email: 'owner@villi.test',
  password: 'owner-password-1',
  name: 'Owner',
};

/** The env var that carries the owner's token to the test processes. */
export const TEST_TOKEN_ENV = 'VILLI_TEST_TOKEN';

export type TestOwner = { userId: string; householdId: number; token: string };

export async function makeTestOwner(db: Db): Promise<TestOwner> {
  const { userId, householdId } = await signUp(db, TEST_OWNER, {
    headers: new Headers(),
    secure: false,
  });
  const { token } = await createApiToken(db, userId, 'tests');
  return { userId, householdId, token };
}
