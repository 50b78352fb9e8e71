import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PURE_DIRS = ['lib/shopping', 'lib/export', 'lib/units'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN: [string, RegExp][] = [
  ['node built-ins', /from ['"]node:/],
  ['the database layer', /from ['"](?:@\/)?(?:\.\.\/)*db\//],
  ['next', /from ['"]next(?:\/|['"])/],
  ['react', /from ['"]react['"]/],
  ['drizzle', /from ['"]drizzle-orm/],
  ['the clock', /\bDate\.now\(|\bnew Date\(/],
  ['randomness', /\bMath\.random\(/],
];

describe('shopping, export and units stay pure', () => {
  const sources = PURE_DIRS.flatMap((d) => files(join(process.cwd(), d)));

  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(FORBIDDEN)('no file uses %s', (_what, pattern) => {
    const offenders = sources.filter((f) => pattern.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
