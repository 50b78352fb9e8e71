import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/http/app-error';
import { etagOf, ifMatchOf, matchesVersion } from '@/lib/http/preconditions';

const withIfMatch = (value?: string) =>
  new Request('http://localhost/', value === undefined ? {} : { headers: { 'if-match': value } });

describe('If-Match and ETag', () => {
  it('writes a version as a strong, quoted entity tag', () => {
    expect(etagOf(7)).toBe('"7"');
  });

  it('applies to any version without the header or with *', () => {
    for (const value of [undefined, '*', ' * ', '']) {
      const ifMatch = ifMatchOf(withIfMatch(value));
      expect(ifMatch).toEqual({ any: true });
      expect(matchesVersion(ifMatch, 42)).toBe(true);
    }
  });

  it('matches the listed strong tags only', () => {
    const ifMatch = ifMatchOf(withIfMatch('"3", "5"'));
    expect(ifMatch).toEqual({ any: false, versions: [3, 5] });
    expect(matchesVersion(ifMatch, 5)).toBe(true);
    expect(matchesVersion(ifMatch, 4)).toBe(false);
  });

  it('never matches a weak or malformed tag', () => {
    for (const value of ['W/"3"', '3', '"three"', '"3']) {
      const ifMatch = ifMatchOf(withIfMatch(value));
      expect(ifMatch).toEqual({ any: false, versions: [] });
      expect(matchesVersion(ifMatch, 3)).toBe(false);
    }
  });

  it('has a 412 error kind with the one error body', async () => {
    const error = AppError.preconditionFailed('The plan changed', { currentVersion: 4 });
    expect(error.status).toBe(412);
    const res = error.toResponse();
    expect(res.status).toBe(412);
    expect(await res.json()).toEqual({
      error: {
        code: 'precondition_failed',
        message: 'The plan changed',
        details: { currentVersion: 4 },
      },
    });
  });
});
