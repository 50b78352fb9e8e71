import type { TestProject } from 'vitest/node';
import { openDb } from '../../db/client';
import {
  createDatabase,
  databaseUrl,
  dropDatabases,
  type RunningPostgres,
  startPostgres,
  uniqueName,
} from '../../scripts/with-postgres';
import { runSeed } from '../../seeds/seed';
import { TEMPLATE_KEY } from './template';
import { makeTestOwner } from './test-owner';

/**
 * PostgreSQL: seeds one template database for the run on TEST_DATABASE_URL's server (`npm
 * test` provides one; run alone, this starts a throwaway server). Each test file works on a
 * `CREATE DATABASE … TEMPLATE` copy; teardown drops the template and every copy.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let own: RunningPostgres | undefined;
  let server = process.env.TEST_DATABASE_URL;
  if (!server) {
    own = await startPostgres();
    server = own.url;
  }
  const template = uniqueName('villi_test');
  let token = '';
  try {
    await createDatabase(server, template);
    await runSeed({ url: databaseUrl(server, template), path: '' }, false);
    const db = openDb({ url: databaseUrl(server, template), path: '' });
    try {
      token = (await makeTestOwner(db)).token;
    } finally {
      await db.close();
    }
  } catch (error) {
    await dropDatabases(server, template);
    await own?.stop();
    throw error;
  }
  project.provide(TEMPLATE_KEY, { engine: 'postgres', server, template, token });
  return async () => {
    await dropDatabases(server, template);
    await own?.stop();
  };
}
