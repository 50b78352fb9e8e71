import { z } from 'zod';
import { journalEntrySchema } from '../journal/entry-schema';
import { planViewSchema } from '../planner/plan-view-schema';
import { profileViewSchema } from '../profiles/view-schema';
import { reintroductionStateSchema } from '../reintroduction/types';
import { tokenViewSchema } from './accounts';

/** Deleting an account asks for its password again, whatever signed the request. */
export const deleteAccountSchema = z.strictObject({
  password: z.string({ error: 'password must be text' }).min(1, 'password is required').max(256),
});

/**
 * Everything a member may take with them: the account, its household and role, the household's
 * profiles with their journals, reintroductions and plans, and the account's API tokens (never a
 * password hash, a session or a token hash).
 */
export const accountExportSchema = z.strictObject({
  format: z.literal('villi-account'),
  version: z.literal(1),
  exportedAt: z.string(),
  user: z.strictObject({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    createdAt: z.string(),
  }),
  household: z.strictObject({
    id: z.number().int(),
    name: z.string(),
    role: z.enum(['owner', 'member', 'clinician']),
  }),
  profiles: z.array(
    z.strictObject({
      profile: profileViewSchema,
      journal: z.array(journalEntrySchema),
      reintroduction: reintroductionStateSchema.nullable(),
      plans: z.array(planViewSchema),
    }),
  ),
  tokens: z.array(tokenViewSchema),
});

export type AccountExport = z.output<typeof accountExportSchema>;
