import type { Db } from '@/db/client';
import { credentialHashOf } from '@/db/queries/account-privacy';
import { authFor } from './auth';

/** Whether the password is the account's own, checked with the library's hashing. */
export async function passwordMatches(
  db: Db,
  userId: string,
  password: string,
  secure: boolean,
): Promise<boolean> {
  const hash = await credentialHashOf(db, userId);
  if (hash === null) return false;
  const auth = await authFor(db, secure);
  return (await auth.$context).password.verify({ password, hash });
}
