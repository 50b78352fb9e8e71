import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { households, users } from './accounts';
import { profiles } from './profiles';

export const clinicianGrants = pgTable(
  'clinician_grants',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    email: text('email'),
    createdBy: text('created_by').notNull(),
    clinicianUserId: text('clinician_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    linkExpiresAt: text('link_expires_at').notNull(),
    accessExpiresAt: text('access_expires_at').notNull(),
    acceptedAt: text('accepted_at'),
    revokedAt: text('revoked_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('clinician_grants_hash_idx').on(t.tokenHash),
    index('clinician_grants_profile_idx').on(t.profileId),
    index('clinician_grants_clinician_idx').on(t.clinicianUserId),
  ],
);

export const clinicianAccessLog = pgTable(
  'clinician_access_log',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    clinicianUserId: text('clinician_user_id').notNull(),
    clinicianName: text('clinician_name'),
    clinicianEmail: text('clinician_email'),
    what: text('what').notNull(),
    planId: integer('plan_id'),
    at: text('at').notNull(),
  },
  (t) => [index('clinician_access_log_profile_idx').on(t.profileId, t.at)],
);
