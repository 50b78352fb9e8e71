import { describe, expect, it } from 'vitest';
import { kitchenLine } from '@/lib/recipes/kitchen-words';

const line = (
  name: string,
  grams: number,
  amount: number | null,
  label: string | null,
  note: string | null = null,
) => kitchenLine({ name, grams, amount, label, note }).text;

// Labels are real SR21 WEIGHT.txt labels the catalog recipes use; grams are amount × the label's grams.
describe('kitchenLine', () => {
  it.each([
    // 11507 "sweetpotato, 5" long" = 130 g
    [
      line('sweet potato', 130, 1, 'sweetpotato, 5" long', 'cubed'),
      '1 sweet potato (130 g), cubed',
    ],
    // 11124 "medium" = 61 g
    [
      line('carrot', 183, 3, 'medium', 'halved lengthwise'),
      '3 medium carrots (183 g), halved lengthwise',
    ],
    // 11112 "cup, shredded" = 70 g
    [line('red cabbage', 210, 3, 'cup, shredded'), '3 cups red cabbage (210 g), shredded'],
    // 09150 "lemon yields" = 47 g of juice (09152)
    [line('lemon juice', 94, 2, 'lemon yields'), 'juice of 2 lemons (94 g)'],
    [line('lime juice', 22, 0.5, 'lime yields'), 'juice of 1/2 lime (22 g)'],
    // 11215 "clove" = 3 g
    [line('garlic', 9, 3, 'clove'), '3 cloves garlic (9 g)'],
    // 99013 "can" = 165 g: "canned" is not said twice
    [line('canned tuna in water', 330, 2, 'can'), '2 cans tuna in water (330 g)'],
    // 02047 "dash" = 0.4 g: under a gram keeps a decimal
    [line('salt', 0.4, 1, 'dash'), '1 dash salt (0.4 g)'],
    // grams as written
    [line('shrimp', 600, null, null, 'peeled and deveined'), '600 g shrimp, peeled and deveined'],
    // 11282 'medium (2-1/2" dia)' = 110 g
    [line('onion', 220, 2, 'medium (2-1/2" dia)'), '2 medium onions (220 g)'],
    // 01145 tbsp = 14.2 g; the note repeats the name
    [line('ghee', 19, 1.5, 'tbsp', 'ghee, melted'), '1 1/2 tbsp ghee (19 g), melted'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('keeps no USDA dimensions or refuse notes', () => {
    const text = line(
      'bone-in pork loin chop',
      796,
      4,
      'chop without refuse (Yield from 1 raw chop, with refuse, weighing 259g)',
    );
    expect(text).toBe('4 bone-in pork loin chops (796 g)');
  });
});
