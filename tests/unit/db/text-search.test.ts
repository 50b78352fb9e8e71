import { describe, expect, it } from 'vitest';
import { fts5Query, searchWords, tsQueryText } from '@/db/queries/text-search';

describe('search words', () => {
  it('keeps letters and digits, lower-cased, at most 8 words', () => {
    expect(searchWords('  Sweet-Potato, RAW!  ')).toEqual(['sweet', 'potato', 'raw']);
    expect(searchWords('crème brûlée 2%')).toEqual(['crème', 'brûlée', '2']);
    expect(searchWords('a b c d e f g h i j')).toHaveLength(8);
    expect(searchWords(' -- !! ')).toEqual([]);
  });

  it('drops every character either query language reads as syntax', () => {
    const words = searchWords(`appl" OR 'x' NEAR(* & | ! : ( ) \\ raw`);
    expect(words).toEqual(['appl', 'or', 'x', 'near', 'raw']);
  });
});

describe('engine queries', () => {
  it('FTS5: every word a quoted prefix, all required', () => {
    expect(fts5Query(['appl', 'raw'])).toBe('"appl"* "raw"*');
  });

  it('tsquery: every word a quoted prefix joined by AND', () => {
    expect(tsQueryText(['appl', 'raw'])).toBe("'appl':* & 'raw':*");
  });

  it('quotes stay inside their lexeme even if a word carries one', () => {
    expect(fts5Query(['a"b'])).toBe('"a""b"*');
    expect(tsQueryText(["o'brien"])).toBe("'o''brien':*");
  });
});
