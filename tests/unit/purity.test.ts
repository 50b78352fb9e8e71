import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The one file under lib/ allowed to touch the file system: it reads the committed USDA copy. */
const IO_ALLOWED = new Set(['lib/usda/load-files.ts']);

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
  ['the clock', /\bDate\.now\(|\bnew Date\(\)/],
  ['randomness', /\bMath\.random\(/],
  ['the @/ alias (lib imports relatively, so it runs under any tool)', /from ['"]@\//],
];

describe('lib/ is pure domain code', () => {
  const root = process.cwd();
  const sources = files(join(root, 'lib')).filter((f) => !IO_ALLOWED.has(relative(root, f)));

  it('has sources to check in every domain folder', () => {
    for (const dir of [
      'planner',
      'shopping',
      'export',
      'tagging',
      'restrictions',
      'recipes',
      'protocols',
      'nutrition',
    ]) {
      expect(
        sources.some((f) => relative(root, f).startsWith(`lib/${dir}/`)),
        dir,
      ).toBe(true);
    }
  });

  it.each(FORBIDDEN)('no file uses %s', (_what, pattern) => {
    const offenders = sources
      .filter((f) => pattern.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });
});
