import { describe, expect, it } from 'vitest';
import type { TagCode } from './expectations';
import { codesOf, loadFixture } from './fixtures';

/**
 * Brand names and words inside other words must never trigger a rule. Each row names a real
 * SR21 food, the word that collides, the codes it must NOT carry (at any certainty) and, where
 * the food really has the thing, the code it must carry. Values come from what the food is.
 */
type Collision = {
  ndb: string;
  name: string;
  /** The word that looks like a trigger. */
  word: string;
  not: TagCode[];
  has?: TagCode[];
};

const COLLISIONS: Collision[] = [
  // brand names
  {
    ndb: '19254',
    name: 'DOVE Milk Chocolate',
    word: 'DOVE (a brand, not the bird)',
    not: ['poultry', 'meat'],
    has: ['milk', 'cocoa'],
  },
  {
    ndb: '19255',
    name: 'DOVE Dark Chocolate',
    word: 'DOVE',
    not: ['poultry', 'meat'],
    has: ['cocoa'],
  },
  { ndb: '43287', name: 'Dove, cooked (the bird)', word: 'dove', not: ['cocoa'], has: ['poultry'] },
  {
    ndb: '18627',
    name: 'PEPPERIDGE FARM bread',
    word: 'pepper in Pepperidge',
    not: ['nightshade-spice', 'berry-spice'],
    has: ['wheat'],
  },
  {
    ndb: '01195',
    name: 'BREYERS strawberry yogurt',
    word: 'rye in Breyers',
    not: ['gluten', 'grain'],
    has: ['milk'],
  },
  {
    ndb: '06357',
    name: 'GOLDFISH pasta soup',
    word: 'fish in Goldfish',
    not: ['fish'],
    has: ['wheat'],
  },
  // dairy words
  {
    ndb: '18373',
    name: 'Cream of tartar',
    word: 'cream',
    not: ['milk', 'dairy', 'egg', 'wheat'],
  },
  {
    ndb: '01088',
    name: 'Buttermilk, cultured',
    word: 'butter in buttermilk',
    not: ['butter', 'ghee'],
    has: ['milk', 'dairy', 'fermented-dairy'],
  },
  {
    ndb: '16098',
    name: 'Peanut butter, smooth',
    word: 'butter',
    not: ['milk', 'dairy', 'butter', 'tree-nut', 'nut'],
    has: ['peanut', 'legume'],
  },
  {
    ndb: '04501',
    name: 'Cocoa butter',
    word: 'butter',
    not: ['milk', 'dairy', 'butter'],
    has: ['cocoa'],
  },
  {
    ndb: '04572',
    name: 'Nutmeg butter (oil)',
    word: 'nut and butter',
    not: ['milk', 'dairy', 'butter', 'tree-nut', 'nut'],
  },
  {
    ndb: '11485',
    name: 'Butternut squash',
    word: 'butter and nut',
    not: ['milk', 'dairy', 'tree-nut', 'nut', 'grain'],
  },
  {
    ndb: '11250',
    name: 'Butterhead lettuce',
    word: 'butter',
    not: ['milk', 'dairy', 'butter'],
  },
  {
    ndb: '15007',
    name: 'Butterfish',
    word: 'butter',
    not: ['milk', 'dairy', 'butter'],
    has: ['fish'],
  },
  {
    ndb: '15053',
    name: 'Milkfish',
    word: 'milk',
    not: ['milk', 'dairy'],
    has: ['fish'],
  },
  {
    ndb: '11174',
    name: 'Corn, cream style',
    word: 'cream',
    not: ['milk', 'dairy'],
    has: ['grain'],
  },
  {
    ndb: '12177',
    name: 'Coconut meat, creamed',
    word: 'creamed',
    not: ['milk', 'dairy', 'tree-nut', 'nut'],
  },
  {
    ndb: '08100',
    name: 'Cream of rice',
    word: 'cream',
    not: ['milk', 'dairy', 'gluten'],
    has: ['rice', 'grain'],
  },
  // nuts
  { ndb: '12104', name: 'Coconut meat, raw', word: 'nut in coconut', not: ['tree-nut', 'nut'] },
  {
    ndb: '02025',
    name: 'Nutmeg',
    word: 'nut in nutmeg',
    not: ['tree-nut', 'nut', 'peanut'],
    has: ['seed-spice'],
  },
  {
    ndb: '09266',
    name: 'Pineapple, raw',
    word: 'pine (pine nut) and apple',
    not: ['tree-nut', 'nut', 'added-sugar'],
  },
  {
    ndb: '11588',
    name: 'Water chestnuts',
    word: 'chestnut',
    not: ['tree-nut', 'nut'],
  },
  {
    ndb: '11482',
    name: 'Acorn squash',
    word: 'acorn and corn',
    not: ['tree-nut', 'nut', 'grain'],
  },
  // eggs
  {
    ndb: '11209',
    name: 'Eggplant, raw',
    word: 'egg in eggplant',
    not: ['egg', 'egg-yolk'],
    has: ['nightshade'],
  },
  // legumes and peas
  {
    ndb: '16087',
    name: 'Peanuts, raw',
    word: 'pea in peanut',
    not: ['edible-pod-legume', 'tree-nut', 'nut'],
    has: ['peanut', 'legume'],
  },
  { ndb: '09236', name: 'Peaches, raw', word: 'pea in peach', not: ['legume', 'soy'] },
  { ndb: '09252', name: 'Pears, raw', word: 'pea in pear', not: ['legume', 'soy'] },
  { ndb: '09287', name: 'Prickly pears, raw', word: 'pea in pear', not: ['legume'] },
  {
    ndb: '16056',
    name: 'Chickpeas',
    word: 'chick in chickpea',
    not: ['poultry', 'meat', 'animal'],
    has: ['legume'],
  },
  // cereals
  {
    ndb: '20027',
    name: 'Cornstarch',
    word: 'corn in cornstarch',
    not: ['gluten', 'wheat'],
    has: ['grain'],
  },
  { ndb: '11190', name: 'Cornsalad (lamb’s lettuce)', word: 'corn', not: ['grain'] },
  { ndb: '05309', name: 'Cornish game hen', word: 'corn', not: ['grain'], has: ['poultry'] },
  {
    ndb: '13346',
    name: 'Corned beef brisket, raw',
    word: 'corn in corned',
    not: ['grain', 'gluten'],
    has: ['red-meat'],
  },
  {
    ndb: '17168',
    name: 'Goat, raw',
    word: 'oat in goat',
    not: ['gluten', 'grain', 'wheat'],
    has: ['red-meat'],
  },
  {
    ndb: '01106',
    name: 'Goat milk',
    word: 'oat in goat',
    not: ['gluten', 'grain', 'wheat'],
    has: ['milk'],
  },
  {
    ndb: '19067',
    name: 'TWIZZLERS cherry bites (licorice-type)',
    word: 'rice in licorice',
    not: ['rice'],
  },
  {
    ndb: '20008',
    name: 'Buckwheat',
    word: 'wheat in buckwheat',
    not: ['wheat', 'gluten', 'grain'],
    has: ['pseudo-grain'],
  },
  {
    ndb: '11492',
    name: 'Spaghetti squash',
    word: 'spaghetti',
    not: ['wheat', 'gluten', 'grain', 'egg'],
  },
  // meat words
  {
    ndb: '18350',
    name: 'Rolls, hamburger or hotdog',
    word: 'hamburger, ham, hotdog',
    not: ['red-meat', 'pork', 'meat'],
    has: ['wheat'],
  },
  {
    ndb: '11958',
    name: 'Pickle relish, hamburger',
    word: 'hamburger',
    not: ['red-meat', 'pork', 'meat'],
  },
  {
    ndb: '21107',
    name: 'Fast-food hamburger',
    word: 'ham in hamburger',
    not: ['pork'],
    has: ['red-meat'],
  },
  {
    ndb: '18173',
    name: 'Graham crackers',
    word: 'ham in graham',
    not: ['pork', 'red-meat', 'meat'],
    has: ['wheat'],
  },
  // fish and shellfish words
  {
    ndb: '43497',
    name: 'Jellyfish, dried',
    word: 'fish in jellyfish',
    not: ['fish', 'crustacean', 'mollusc', 'added-sugar'],
  },
  {
    ndb: '15145',
    name: 'Crayfish',
    word: 'fish in crayfish',
    not: ['fish'],
    has: ['crustacean'],
  },
  { ndb: '35154', name: 'Salmonberries', word: 'salmon', not: ['fish', 'meat'] },
  { ndb: '09077', name: 'Crabapples', word: 'crab', not: ['crustacean', 'shellfish'] },
  { ndb: '11987', name: 'Oyster mushroom', word: 'oyster', not: ['mollusc', 'shellfish'] },
  { ndb: '11437', name: 'Salsify (vegetable oyster)', word: 'oyster', not: ['mollusc'] },
  {
    ndb: '05631',
    name: 'Emu, oyster (a cut)',
    word: 'oyster',
    not: ['mollusc', 'shellfish'],
    has: ['poultry'],
  },
  {
    ndb: '18228',
    name: 'Saltines (includes oyster crackers)',
    word: 'oyster',
    not: ['mollusc', 'shellfish'],
  },
  // alcohol words
  { ndb: '15024', name: 'Drum (fish)', word: 'rum in drum', not: ['alcohol'], has: ['fish'] },
  { ndb: '02021', name: 'Ginger, ground', word: 'gin in ginger', not: ['alcohol'] },
  {
    ndb: '14157',
    name: 'Root beer',
    word: 'beer',
    not: ['alcohol', 'gluten'],
    has: ['added-sugar'],
  },
  // sweet words
  {
    ndb: '31015',
    name: 'PACE diced green chilies',
    word: 'iced in diced',
    not: ['added-sugar'],
    has: ['nightshade'],
  },
  {
    ndb: '31014',
    name: 'PACE sliced jalapenos',
    word: 'iced in sliced',
    not: ['added-sugar'],
    has: ['nightshade'],
  },
  {
    ndb: '08532',
    name: 'SpongeBob SquarePants cereal',
    word: 'sponge (cake) in SpongeBob',
    not: ['egg'],
    has: ['grain'],
  },
  {
    ndb: '02035',
    name: 'Pumpkin pie spice',
    word: 'pie',
    not: ['added-sugar', 'wheat', 'gluten'],
  },
  { ndb: '09321', name: 'Sugar-apples (sweetsop)', word: 'sugar', not: ['added-sugar'] },
  { ndb: '09184', name: 'Honeydew melon', word: 'honey', not: ['added-sugar', 'animal'] },
  { ndb: '11507', name: 'Sweet potato, raw', word: 'potato', not: ['nightshade', 'added-sugar'] },
  // pepper words
  {
    ndb: '02064',
    name: 'Peppermint, fresh',
    word: 'pepper',
    not: ['nightshade', 'berry-spice'],
  },
  {
    ndb: '02030',
    name: 'Black pepper',
    word: 'pepper',
    not: ['nightshade', 'nightshade-spice'],
    has: ['berry-spice'],
  },
  {
    ndb: '09209',
    name: 'Orange juice, chilled',
    word: 'chili in chilled',
    not: ['nightshade', 'added-sugar'],
  },
];

const { byNdb, tagged } = loadFixture();

describe('brand and word collisions', () => {
  it('lists at least 30 real SR21 foods, each once', () => {
    expect(COLLISIONS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(COLLISIONS.map((c) => c.ndb)).size).toBe(COLLISIONS.length);
  });

  it.each(COLLISIONS.map((c) => [`${c.ndb} ${c.name} (${c.word})`, c] as const))(
    '%s',
    (_label, c) => {
      expect(byNdb.get(c.ndb), `NDB ${c.ndb} is in SR21`).toBeDefined();
      const t = tagged.get(c.ndb);
      if (!t) throw new Error(`no tagging for ${c.ndb}`);
      const codes = codesOf(t);
      expect({
        unexpected: c.not.filter((code) => codes.has(code)),
        missing: (c.has ?? []).filter((code) => !codes.has(code)),
      }).toEqual({ unexpected: [], missing: [] });
    },
  );
});
