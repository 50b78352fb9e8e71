import { z } from 'zod';

const email = z.string().trim().toLowerCase().email('email must be an email address').max(254);
const password = z
  .string({ error: 'password must be text' })
  .min(8, 'password must have at least 8 characters')
  .max(256, 'password is too long');
const name = z
  .string()
  .trim()
  .min(1, 'name must not be empty')
  .max(100, 'name is too long')
  .regex(/^[^\p{Cc}\u202a-\u202e\u2066-\u2069]*$/u, 'name must not hold control characters');

export const signUpSchema = z.strictObject({
  email,
  password,
  name: name.optional(),
  /** The token of an owner's invite; not needed for the first account or with open sign-up. */
  invite: z.string().min(1).max(200).optional(),
});

export const signInSchema = z.strictObject({ email, password: z.string().min(1).max(256) });

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: password,
  /** Also sign out every other session. */
  revokeOtherSessions: z.boolean().optional(),
});

export const tokenCreateSchema = z.strictObject({ name: name.default('API token') });

export const inviteCreateSchema = z.strictObject({
  role: z.enum(['member', 'clinician']),
  email: email.optional(),
});

export const accountSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  householdId: z.number().int(),
  role: z.enum(['owner', 'member', 'clinician']),
});

export const tokenViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const tokenCreatedSchema = tokenViewSchema.extend({ token: z.string() });

export const inviteCreatedSchema = z.object({
  id: z.number().int(),
  token: z.string(),
  url: z.string(),
  expiresAt: z.string(),
});

export const signedUpSchema = z.object({ userId: z.string(), householdId: z.number().int() });
export const okSchema = z.object({ ok: z.literal(true) });

/** Starting an OpenID Connect sign-in: with an invite token, the new account joins that household. */
export const oidcStartSchema = z.strictObject({ invite: z.string().min(1).max(200).optional() });
export const oidcStartedSchema = z.object({ url: z.url() });

/** What an identity provider sends back to the callback (other parameters are ignored). */
export const oidcCallbackQuerySchema = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(2000).optional(),
  iss: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});
