import 'server-only';
import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  type JournalEntry,
  type MealReaction,
  mealReactionSchema,
  type Symptoms,
  storedSymptomsSchema,
} from '../../lib/journal/schema';
import type { Db, Tables } from '../client';

type EntryRow = Tables['journalEntries']['$inferSelect'];

const storedMealsSchema = z.array(mealReactionSchema);

/** The row as the API returns it; JSON columns are parsed, never cast. */
function toEntry(row: EntryRow): JournalEntry {
  const symptoms = storedSymptomsSchema.safeParse(row.symptoms);
  const meals = storedMealsSchema.safeParse(row.meals);
  // Every row was validated on write; one that no longer parses is damaged data, not a request error.
  if (!symptoms.success || !meals.success) {
    const error = symptoms.error ?? meals.error;
    throw new Error(
      `journal entry ${row.profileId}/${row.date} holds data that does not parse: ${error?.message}`,
      { cause: error },
    );
  }
  return {
    date: row.date,
    symptoms: symptoms.data,
    note: row.note,
    meals: meals.data,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const byDay = (db: Db, profileId: number, date: string) =>
  and(eq(db.t.journalEntries.profileId, profileId), eq(db.t.journalEntries.date, date));

/** A profile's entries from `from` to `to` (inclusive, either open), newest first. */
export async function listJournalEntries(
  db: Db,
  profileId: number,
  range: { from?: string; to?: string } = {},
): Promise<JournalEntry[]> {
  const t = db.t.journalEntries;
  const where: SQL[] = [eq(t.profileId, profileId)];
  if (range.from) where.push(gte(t.date, range.from));
  if (range.to) where.push(lte(t.date, range.to));
  const rows = await db.orm
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(desc(t.date));
  return rows.map(toEntry);
}

export async function getJournalEntry(
  db: Db,
  profileId: number,
  date: string,
): Promise<JournalEntry | null> {
  const rows = await db.orm
    .select()
    .from(db.t.journalEntries)
    .where(byDay(db, profileId, date))
    .limit(1);
  return rows[0] ? toEntry(rows[0]) : null;
}

export type JournalValues = {
  symptoms: Symptoms;
  note: string | null;
  meals: MealReaction[];
};

/** Writes a new day's entry; null when the profile already has one for that day. */
export async function insertJournalEntry(
  db: Db,
  profileId: number,
  date: string,
  values: JournalValues,
  now: string,
): Promise<JournalEntry | null> {
  return db.transaction(async (tx) => {
    // the key (profile, date) settles a race between two first entries for the same day
    const rows = await tx.orm
      .insert(tx.t.journalEntries)
      .values({ profileId, date, ...values, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    return rows[0] ? toEntry(rows[0]) : null;
  });
}

/** Replaces a day's values; null when there is no entry for that day. */
export async function replaceJournalEntry(
  db: Db,
  profileId: number,
  date: string,
  values: JournalValues,
  now: string,
): Promise<JournalEntry | null> {
  return db.transaction(async (tx) => {
    const rows = await tx.orm
      .update(tx.t.journalEntries)
      .set({ ...values, updatedAt: now })
      .where(byDay(tx, profileId, date))
      .returning();
    return rows[0] ? toEntry(rows[0]) : null;
  });
}

/** False when there was no entry for that day. */
export async function deleteJournalEntry(
  db: Db,
  profileId: number,
  date: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.orm
      .delete(tx.t.journalEntries)
      .where(byDay(tx, profileId, date))
      .returning({ date: tx.t.journalEntries.date });
    return rows.length > 0;
  });
}
