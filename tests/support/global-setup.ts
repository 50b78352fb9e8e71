import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runSeed } from '../../seeds/seed';

/** Seeds one template database for the whole run; each test file copies it. */
export default async function setup(): Promise<void> {
  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  const template = join(dir, 'test-template.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${template}${suffix}`, { force: true });
  await runSeed(template, false);
  process.env.VILLI_TEST_DB_TEMPLATE = template;
}
