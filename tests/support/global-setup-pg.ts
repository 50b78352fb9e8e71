import type { TestProject } from 'vitest/node';
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
  try {
    await createDatabase(server, template);
    await runSeed({ url: databaseUrl(server, template), path: '' }, false);
  } catch (error) {
    await dropDatabases(server, template);
    await own?.stop();
    throw error;
  }
  project.provide(TEMPLATE_KEY, { engine: 'postgres', server, template });
  return async () => {
    await dropDatabases(server, template);
    await own?.stop();
  };
}
