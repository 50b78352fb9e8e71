import { describe, expect, it } from 'vitest';
import { diffShoppingNeeds } from '@/lib/shopping/needs-diff';
import { NDB } from './fixtures';

describe('diffShoppingNeeds', () => {
  it('reports added, changed and removed foods, ignoring float noise', () => {
    const before = new Map([
      [NDB.kale, 100],
      [NDB.salt, 3],
      [NDB.garlic, 9],
    ]);
    const after = new Map([
      [NDB.kale, 100 + 1e-9],
      [NDB.salt, 4.5],
      [NDB.salmon, 300],
    ]);
    expect(diffShoppingNeeds(before, after)).toEqual({
      added: [NDB.salmon],
      changed: [NDB.salt],
      removed: [NDB.garlic],
    });
  });
});
