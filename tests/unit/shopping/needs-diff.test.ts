import { describe, expect, it } from 'vitest';
import { diffShoppingNeeds } from '@/lib/shopping/needs-diff';
import { NDB } from './fixtures';

const MON = '2026-11-30-dinner';
const TUE = '2026-12-01-dinner';
const WED = '2026-12-02-dinner';

describe('diffShoppingNeeds', () => {
  it('reports added, changed and removed foods, ignoring float noise', () => {
    const before = new Map([
      [NDB.kale, { grams: 100, meals: [MON] }],
      [NDB.salt, { grams: 3, meals: [MON] }],
      [NDB.garlic, { grams: 9, meals: [TUE] }],
    ]);
    const after = new Map([
      [NDB.kale, { grams: 100 + 1e-9, meals: [MON] }],
      [NDB.salt, { grams: 4.5, meals: [MON] }],
      [NDB.salmon, { grams: 300, meals: [WED] }],
    ]);
    expect(diffShoppingNeeds(before, after)).toEqual({
      added: [NDB.salmon],
      changed: [NDB.salt],
      removed: [NDB.garlic],
    });
  });

  it('reports a food whose meals changed while its amount stayed the same', () => {
    // The same 630 g of carrots, now cooked on Wednesday instead of Tuesday: the line's
    // "for" list changed, so the shopper should see it marked.
    const before = new Map([[NDB.carrots, { grams: 630, meals: [MON, TUE] }]]);
    const after = new Map([[NDB.carrots, { grams: 630, meals: [MON, WED] }]]);
    expect(diffShoppingNeeds(before, after).changed).toEqual([NDB.carrots]);
  });

  it('does not report a food with the same amount and the same meals in another order', () => {
    const before = new Map([[NDB.oliveOil, { grams: 27, meals: [MON, TUE] }]]);
    const after = new Map([[NDB.oliveOil, { grams: 27, meals: [TUE, MON] }]]);
    expect(diffShoppingNeeds(before, after)).toEqual({ added: [], changed: [], removed: [] });
  });
});
