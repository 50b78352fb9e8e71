import { describe, expect, it } from 'vitest';
import { parseMeasureLabel } from '@/lib/units/measure-label';

// Labels copied from SR21 WEIGHT.txt.
describe('parseMeasureLabel', () => {
  it.each([
    ['cup', { volumeUnit: 'cup', unitWord: 'cup', size: null, packNote: null, isPortion: false }],
    ['tablespoon', { volumeUnit: 'tbsp', unitWord: 'tablespoon', size: null }],
    ['fl oz', { volumeUnit: 'fl oz' }],
    ['cup, chopped', { volumeUnit: null, unitWord: 'cup' }],
    ['medium (2-1/2" dia)', { unitWord: null, size: 'medium', isPortion: false }],
    ['sweetpotato, 5" long', { unitWord: 'sweetpotato', size: null }],
    ['head, medium (about 5-3/4" dia)', { unitWord: 'head', size: 'medium' }],
    ['large whole (3" dia)', { unitWord: null, size: 'large' }],
    ['extra large', { unitWord: null, size: 'extra large' }],
    ['Potato medium (2-1/4" to 3-1/4" dia)', { unitWord: 'potato', size: 'medium' }],
    ['package (10 oz)', { unitWord: 'package', packNote: '(10 oz)' }],
    ['lemon yields', { unitWord: 'lemon', isPortion: true }],
    ['NLEA serving', { isPortion: true }],
    ['thigh, bone and skin removed', { unitWord: 'thigh', size: null }],
  ] as const)('%s', (label, expected) => {
    expect(parseMeasureLabel(label)).toMatchObject(expected);
  });
});
