import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseUrl, findPostgresBin } from '../../../scripts/with-postgres';

const root = mkdtempSync(join(tmpdir(), 'villi-find-pg-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function serverBin(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of ['initdb', 'postgres']) {
    writeFileSync(join(dir, name), '#!/bin/sh\n');
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

describe('finding the PostgreSQL server binaries', () => {
  const debian = join(root, 'lib-postgresql');
  serverBin(join(debian, '13', 'bin'));
  serverBin(join(debian, '15', 'bin'));
  mkdirSync(join(debian, '16', 'bin'), { recursive: true }); // client only: no server

  it('takes a directory on PATH that holds initdb and postgres', () => {
    const onPath = serverBin(join(root, 'path-bin'));
    const PATH = [join(root, 'empty'), onPath].join(':');
    expect(findPostgresBin({ PATH }, debian)).toBe(onPath);
  });

  it("else takes Debian's newest installed server version", () => {
    expect(findPostgresBin({ PATH: join(root, 'empty') }, debian)).toBe(join(debian, '15', 'bin'));
  });

  it('finds nothing when no server is installed', () => {
    expect(findPostgresBin({ PATH: '' }, join(root, 'missing'))).toBeNull();
  });
});

describe('databaseUrl', () => {
  it('names another database on the same server, keeping user and port', () => {
    expect(databaseUrl('postgres://postgres@127.0.0.1:5433/postgres', 'villi_x')).toBe(
      'postgres://postgres@127.0.0.1:5433/villi_x',
    );
  });
});
