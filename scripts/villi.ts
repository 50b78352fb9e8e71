/**
 * The command line for accounts, on the database DATABASE_URL / DATABASE_PATH names:
 *
 *   npm run villi -- users create --email E --password P [--name N] [--household <id> --role member|clinician]
 *     → { "userId", "householdId" }   (the owner of a new household unless --household is given;
 *       the first account's household adopts every profile made before accounts existed)
 *   npm run villi -- tokens create --email E [--name N]
 *     → { "token" }                   (an API token for Authorization: Bearer)
 *
 * Only JSON goes to stdout; problems go to stderr with exit status 1.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createApiToken, signUp } from '../app/_server/use-cases/accounts';
import { dbConfigFromEnv, openDb } from '../db/client';
import { migrateDb } from '../db/migrate';
import { findUserByEmail } from '../db/queries/accounts';
import { AppError } from '../lib/http/app-error';
import { signUpSchema } from '../lib/validation/accounts';

const USAGE = `usage:
  villi users create --email E --password P [--name N] [--household <id> --role member|clinician]
  villi tokens create --email E [--name N]`;

const memberSchema = z.object({
  household: z.coerce.number().int().positive(),
  role: z.enum(['member', 'clinician']),
});

async function main(argv: string[]): Promise<unknown> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      household: { type: 'string' },
      role: { type: 'string' },
    },
  });
  const command = positionals.join(' ');
  const db = openDb(dbConfigFromEnv());
  try {
    await migrateDb(db);
    if (command === 'users create') {
      const input = signUpSchema.parse({
        email: values.email,
        password: values.password,
        name: values.name,
      });
      const asMember =
        values.household !== undefined || values.role !== undefined
          ? memberSchema.parse({ household: values.household, role: values.role })
          : undefined;
      const made = await signUp(
        db,
        input,
        { headers: new Headers(), secure: false },
        asMember && { householdId: asMember.household, role: asMember.role },
        { invitesNeeded: false },
      );
      return { userId: made.userId, householdId: made.householdId };
    }
    if (command === 'tokens create') {
      const email = z.string().trim().toLowerCase().email().parse(values.email);
      const user = await findUserByEmail(db, email);
      if (!user) throw new Error(`no account has the email ${email}`);
      const { token } = await createApiToken(db, user.id, values.name ?? 'command line');
      return { token };
    }
    throw new Error(USAGE);
  } finally {
    await db.close();
  }
}

try {
  const out = await main(process.argv.slice(2));
  process.stdout.write(`${JSON.stringify(out)}\n`);
} catch (error) {
  const message =
    error instanceof z.ZodError
      ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
      : error instanceof AppError || error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
