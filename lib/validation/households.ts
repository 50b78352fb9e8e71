import { z } from 'zod';

/** A user id in a path: the authentication library's ids are letters, digits, `_` and `-`. */
export const userIdParamSchema = z
  .string({ error: 'userId must be text' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'userId must be a user id (letters, digits, _ and -)');

/** Ownership handover: a clinician's role is not changed here. */
export const memberRoleSchema = z.strictObject({
  role: z.enum(['owner', 'member'], { error: 'role must be "owner" or "member"' }),
});

export const householdMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['owner', 'member', 'clinician']),
  profileId: z.number().int().nullable(),
  profileName: z.string().nullable(),
});

export const householdMembersSchema = z.object({ members: z.array(householdMemberSchema) });
