import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { households, users } from './accounts';
import { profiles } from './profiles';

/**
 * A member's grant of read-only access to one profile for a clinician, made as an invite link.
 * Only the SHA-256 of the link's token is kept. Status follows from the dates: pending until
 * accepted (the link works until `linkExpiresAt`), then active until `accessExpiresAt`;
 * `revokedAt` ends the link and the access at once.
 */
export const clinicianGrants = sqliteTable(
  'clinician_grants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    /** Who the link is for, when the member said; only that address may accept it. */
    email: text('email'),
    /** The user who made the link (the member or an owner). */
    createdBy: text('created_by').notNull(),
    /** The clinician who accepted the link; null until then (and after they delete their account). */
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

/**
 * Every read of a granted profile's data by a clinician, for the member to see. The clinician's
 * id is kept without a reference so the log outlives their account.
 */
export const clinicianAccessLog = sqliteTable(
  'clinician_access_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    clinicianUserId: text('clinician_user_id').notNull(),
    /**
     * Who read, as they were named when they read: the member keeps knowing who it was after the
     * clinician's account is gone. Null on rows written before these columns.
     */
    clinicianName: text('clinician_name'),
    clinicianEmail: text('clinician_email'),
    /** What was read, in words ("plan", "journal", "clinician report"). */
    what: text('what').notNull(),
    /** The plan read, when the read was of a plan. */
    planId: integer('plan_id'),
    at: text('at').notNull(),
  },
  (t) => [index('clinician_access_log_profile_idx').on(t.profileId, t.at)],
);
