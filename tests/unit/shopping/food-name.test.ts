import { describe, expect, it } from 'vitest';
import { shortFoodName } from '@/lib/shopping/food-name';
import { inflectHead, pluralizeWord, singularizeWord } from '@/lib/shopping/words';
import { food } from './fixtures';

describe('shortFoodName on real SR21 descriptions', () => {
  it.each([
    ['11507', 'sweet potato'],
    ['11233', 'kale'],
    ['04053', 'olive oil'],
    ['02030', 'black pepper'],
    ['02047', 'table salt'],
    ['02048', 'cider vinegar'],
    ['05096', 'chicken thigh'],
    ['15076', 'wild Atlantic salmon'],
    ['12118', 'canned coconut milk'],
    ['11485', 'butternut winter squash'],
    ['11251', 'cos or romaine lettuce'],
    ['11250', 'butterhead lettuce'],
    ['18372', 'baking soda'],
    ['13047', 'ground grass-fed beef'],
    ['13000', 'grass-fed beef strip steaks, lean only'],
  ])('%s → %s', (ndb, name) => {
    expect(shortFoodName(food(ndb).name)).toBe(name);
  });
});

describe('word inflection', () => {
  it.each([
    ['potato', 'potatoes'],
    ['tomatoes', 'tomatoes'],
    ['carrot', 'carrots'],
    ['cherry', 'cherries'],
    ['peach', 'peaches'],
    ['loaf', 'loaves'],
    ['bunch', 'bunches'],
    ['asparagus', 'asparagus'],
    ['kale', 'kale'],
  ])('pluralizes %s → %s', (word, plural) => {
    expect(pluralizeWord(word)).toBe(plural);
  });

  it.each([
    ['potatoes', 'potato'],
    ['onions', 'onion'],
    ['cherries', 'cherry'],
    ['radishes', 'radish'],
    ['avocados', 'avocado'],
    ['loaves', 'loaf'],
    ['asparagus', 'asparagus'],
    ['cress', 'cress'],
  ])('singularizes %s → %s', (word, singular) => {
    expect(singularizeWord(word)).toBe(singular);
  });

  it('inflects the last word before the first comma', () => {
    expect(inflectHead('ripe red tomato, canned', pluralizeWord)).toBe('ripe red tomatoes, canned');
    expect(inflectHead('sweet potato', pluralizeWord)).toBe('sweet potatoes');
  });
});
