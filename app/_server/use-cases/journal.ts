import 'server-only';
import type { Db } from '@/db/client';
import {
  deleteJournalEntry,
  getJournalEntry,
  insertJournalEntry,
  listJournalEntries,
  replaceJournalEntry,
} from '@/db/queries/journal';
import { getProfileInput } from '@/db/queries/profiles';
import { AppError } from '@/lib/http/app-error';
import {
  type JournalCreate,
  type JournalEntry,
  type JournalPatch,
  mealsOfDayIssues,
} from '@/lib/journal/schema';

async function requireProfile(db: Db, profileId: number): Promise<void> {
  if (!(await getProfileInput(db, profileId))) {
    throw AppError.notFound('Profile', String(profileId));
  }
}

const entryNotFound = (profileId: number, date: string) =>
  AppError.notFound('Journal entry', `${date} of profile ${profileId}`);

/**
 * A journal is about days lived: a date after today (the server's local date, `today`) is
 * valid input that cannot be true yet, hence 422 rather than 400.
 */
function refuseFuture(date: string, today: string): void {
  if (date > today) {
    throw AppError.unprocessable(
      'future_date',
      `${date} is after today (${today}): a journal entry is about a day that has happened`,
      { date, today },
    );
  }
}

export async function listJournal(
  db: Db,
  profileId: number,
  range: { from?: string; to?: string },
): Promise<JournalEntry[]> {
  await requireProfile(db, profileId);
  return listJournalEntries(db, profileId, range);
}

/** The day's first entry; a second one for the same day is a 409 naming the date. */
export async function createJournalEntry(
  db: Db,
  profileId: number,
  input: JournalCreate,
  now: string,
  today: string,
): Promise<JournalEntry> {
  return db.transaction(async (tx) => {
    await requireProfile(tx, profileId);
    refuseFuture(input.date, today);
    const { date, ...values } = input;
    const entry = await insertJournalEntry(tx, profileId, date, values, now);
    if (!entry) {
      throw AppError.conflict(
        'journal_entry_exists',
        `There is already an entry for ${date}: change it with PATCH /api/profiles/${profileId}/journal/${date}`,
        { date },
      );
    }
    return entry;
  });
}

/** Symptoms sent replace theirs, the others stay; note and meals replace theirs when sent. */
export async function updateJournalEntry(
  db: Db,
  profileId: number,
  date: string,
  patch: JournalPatch,
  now: string,
): Promise<JournalEntry> {
  return db.transaction(async (tx) => {
    await requireProfile(tx, profileId);
    const stored = await getJournalEntry(tx, profileId, date);
    if (!stored) throw entryNotFound(profileId, date);
    const meals = patch.meals ?? stored.meals;
    const issues = mealsOfDayIssues(date, meals);
    if (issues) throw AppError.badRequest(issues, 'request body');
    const updated = await replaceJournalEntry(
      tx,
      profileId,
      date,
      {
        symptoms: { ...stored.symptoms, ...patch.symptoms },
        note: patch.note === undefined ? stored.note : patch.note,
        meals,
      },
      now,
    );
    if (!updated) throw entryNotFound(profileId, date);
    return updated;
  });
}

export async function removeJournalEntry(db: Db, profileId: number, date: string): Promise<void> {
  await db.transaction(async (tx) => {
    await requireProfile(tx, profileId);
    if (!(await deleteJournalEntry(tx, profileId, date))) throw entryNotFound(profileId, date);
  });
}
