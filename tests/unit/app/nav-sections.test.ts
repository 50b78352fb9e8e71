import { describe, expect, it } from 'vitest';
import { currentSection } from '@/app/_components/nav-sections';

describe('currentSection', () => {
  it.each([
    ['/plans', 'Plan'],
    ['/plans/12', 'Plan'],
    ['/plans/12/nutrition', 'Plan'],
    ['/plans/12/print', 'Plan'],
    ['/shopping', 'Shopping list'],
    ['/plans/12/shopping', 'Shopping list'],
    ['/plans/12/shopping/print', 'Shopping list'],
    ['/recipes/amaranth-porridge', 'Recipes'],
    ['/foods/11507', 'Foods'],
    ['/protocols', 'Protocols'],
    ['/profile', 'Profile'],
    ['/journal', 'Journal'],
  ])('%s is in %s', (path, label) => {
    expect(currentSection(path)?.label).toBe(label);
  });

  it.each(['/', '/health-note', '/plansx', '/foodsearch', '/journals'])(
    '%s is in no section',
    (path) => {
      expect(currentSection(path)).toBeNull();
    },
  );

  it('a plan path that only starts like the shopping list stays in Plan', () => {
    expect(currentSection('/plans/12/shoppingx')?.label).toBe('Plan');
  });
});
