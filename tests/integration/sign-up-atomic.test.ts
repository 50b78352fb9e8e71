import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createInvite, signUp } from '@/app/_server/use-cases/accounts';
import { type Db, dbConfigFromEnv, openDb } from '@/db/client';
import { findUserByEmail, membershipOf } from '@/db/queries/accounts';
import { testHouseholdId, useFreshDatabase } from '../support/db';

/**
 * A user and their household membership are made in one transaction: a failure injected
 * between the two (the user row is written, the membership write throws) leaves no user, no
 * sign-in method, no session and an unused invite, on both engines.
 */
const failing = vi.hoisted(() => ({ createHousehold: false, addMember: false }));

vi.mock('@/db/queries/accounts', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/db/queries/accounts')>();
  return {
    ...real,
    createHousehold: (...args: Parameters<typeof real.createHousehold>) => {
      if (failing.createHousehold) throw new Error('injected: the household write failed');
      return real.createHousehold(...args);
    },
    addMember: (...args: Parameters<typeof real.addMember>) => {
      if (failing.addMember) throw new Error('injected: the membership write failed');
      return real.addMember(...args);
    },
  };
});

let db: Db;
let householdId: number;
const request = { headers: new Headers(), secure: false };

beforeAll(async () => {
  await useFreshDatabase();
  db = openDb(dbConfigFromEnv());
  householdId = await testHouseholdId(db);
});
afterAll(() => db?.close());
afterEach(() => {
  failing.createHousehold = false;
  failing.addMember = false;
});

async function countOf(table: 'users' | 'authAccounts' | 'authSessions' | 'households') {
  const rows = await db.orm.select({ n: sql<number>`cast(count(*) as integer)` }).from(db.t[table]);
  return Number(rows[0]?.n ?? 0);
}
const counts = async () => ({
  users: await countOf('users'),
  accounts: await countOf('authAccounts'),
  sessions: await countOf('authSessions'),
  households: await countOf('households'),
});

describe('one transaction for an account and its household', () => {
  it('leaves nothing of a new household owner when the household write fails', async () => {
    const before = await counts();
    failing.createHousehold = true;
    const email = 'half-owner@example.com';
    await expect(
      signUp(db, { email, password: 'a-good-password' }, request, undefined, {
        invitesNeeded: false,
      }),
    ).rejects.toThrow('injected');
    expect(await findUserByEmail(db, email)).toBeNull();
    expect(await counts()).toEqual(before);
    // the same sign-up works once nothing fails, and the account has its household
    failing.createHousehold = false;
    const made = await signUp(db, { email, password: 'a-good-password' }, request, undefined, {
      invitesNeeded: false,
    });
    expect((await membershipOf(db, made.userId))?.role).toBe('owner');
  });

  it('leaves the invite unused and no account when joining by invite fails', async () => {
    const owner = await findUserByEmail(db, 'owner@villi.test');
    if (!owner) throw new Error('no owner');
    const caller = {
      userId: owner.id,
      householdId,
      role: 'owner' as const,
      profileId: null,
      via: 'token' as const,
    };
    const invite = await createInvite(db, caller, householdId, { role: 'member' }, 'http://x');
    const before = await counts();
    failing.addMember = true;
    const email = 'half-member@example.com';
    const input = { email, password: 'a-good-password', invite: invite.token };
    await expect(signUp(db, input, request)).rejects.toThrow('injected');
    expect(await findUserByEmail(db, email)).toBeNull();
    expect(await counts()).toEqual(before);
    const i = db.t.householdInvites;
    const [row] = await db.orm.select({ usedAt: i.usedAt }).from(i).where(eq(i.id, invite.id));
    expect(row?.usedAt).toBeNull();
    // the invite still works
    failing.addMember = false;
    const made = await signUp(db, input, request);
    expect(await membershipOf(db, made.userId)).toMatchObject({ householdId, role: 'member' });
  });

  it('leaves no account when the command line adds a member and the write fails', async () => {
    const before = await counts();
    failing.addMember = true;
    const email = 'half-clinician@example.com';
    await expect(
      signUp(db, { email, password: 'a-good-password' }, request, {
        householdId,
        role: 'clinician',
      }),
    ).rejects.toThrow('injected');
    expect(await findUserByEmail(db, email)).toBeNull();
    expect(await counts()).toEqual(before);
  });
});
