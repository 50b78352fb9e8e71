import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../db/client';
import { runSeed } from '../../seeds/seed';
import { TEMPLATE_KEY } from './template';
import { makeTestOwner } from './test-owner';

/** SQLite: seeds one template file for the run; each test file copies it (see db.ts). */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  const template = join(dir, 'test-template.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${template}${suffix}`, { force: true });
  await runSeed(template, false);
  // Checkpoint so a plain file copy holds every committed page.
  const db = openDb(template);
  const { token } = await makeTestOwner(db);
  db.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  await db.close();
  const run = `test-${Date.now().toString(36)}-${process.pid}`;
  project.provide(TEMPLATE_KEY, { engine: 'sqlite', dir, template, run, token });
  return () => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith(`${run}-`)) rmSync(join(dir, name), { force: true });
    }
  };
}
