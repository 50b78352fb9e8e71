import { z } from 'zod';
import { inviteCreateSchema } from './accounts';

/** Access lasts this many days from the link's making unless the member says otherwise. */
export const DEFAULT_ACCESS_DAYS = 90;

export const clinicianInviteCreateSchema = z.strictObject({
  /** How long the clinician may read, in days from now (1–365). */
  days: z
    .number({ error: 'days must be a whole number' })
    .int('days must be a whole number')
    .min(1, 'days must be at least 1')
    .max(365, 'days must be at most 365')
    .default(DEFAULT_ACCESS_DAYS),
  /** Only this address may accept the link, when given. */
  email: inviteCreateSchema.shape.email,
});

export const clinicianInviteCreatedSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  /** The link works until then. */
  expiresAt: z.string(),
  /** The access given through it ends then. */
  accessExpiresAt: z.string(),
});

const personSchema = z.object({ name: z.string(), email: z.string() });

export const clinicianInviteViewSchema = z.object({
  id: z.number().int(),
  status: z.enum(['pending', 'active', 'expired', 'revoked']),
  email: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  accessExpiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Who accepted the link; null while pending (or when that account was deleted). */
  clinician: personSchema.nullable(),
});

export const clinicianInviteListSchema = z.object({ items: z.array(clinicianInviteViewSchema) });

export const clinicianAcceptSchema = z.strictObject({
  invite: z.string().min(1, 'invite must not be empty').max(200, 'invite is too long'),
});

export const clinicianAcceptedSchema = z.object({
  profileId: z.number().int(),
  accessExpiresAt: z.string(),
});

/** The log is capped: the newest entries only. */
export const ACCESS_LOG_LIMIT = 200;

export const accessLogSchema = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      clinician: personSchema,
      what: z.string(),
      planId: z.number().int().optional(),
    }),
  ),
});
