import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DayChart, NutrientBars } from '@/app/plans/[id]/nutrition/_components/charts';

describe('nutrition report charts (server-rendered SVG)', () => {
  it('a bar chart has a title, a description with every value and a hidden table', () => {
    const html = renderToStaticMarkup(
      createElement(NutrientBars, {
        id: 'bars',
        title: 'Weekly averages',
        rows: [
          {
            key: 'calciumMg',
            label: 'Calcium',
            amount: 640,
            unit: 'mg',
            knownShare: 1,
            reference: 1000,
            kind: 'target',
          },
          {
            key: 'sodiumMg',
            label: 'Sodium',
            amount: 2100,
            unit: 'mg',
            knownShare: 0.9,
            reference: 2300,
            kind: 'cap',
            highest: { amount: 2900, knownShare: 1, day: 'Tuesday' },
          },
        ],
      }),
    );
    expect(html).toContain('<svg');
    expect(html).toMatch(/role="img" aria-labelledby="bars-title" aria-describedby="bars-desc"/);
    expect(html).toContain('<title id="bars-title">Weekly averages</title>');
    expect(html).toContain(
      '<desc id="bars-desc">Calcium: 640 mg a day on average, target 1,000 mg. Sodium: at least 2,100 mg a day on average; highest 2,900 on Tuesday; limit 2,300 mg a day.</desc>',
    );
    expect(html).toContain(
      '<div class="visually-hidden"><table><caption>Weekly averages</caption>',
    );
    expect(html).toContain('<th scope="row">Calcium</th><td>640 mg</td><td>1,000 mg</td>');
  });

  it('a day chart describes each day and its limit, marking lower bounds', () => {
    const days = ['Monday', 'Tuesday'].map((day, i) => ({
      day,
      label: day.slice(0, 3),
      amount: i === 0 ? 1800 : 2600,
      knownShare: i === 0 ? 1 : 0.8,
    }));
    const html = renderToStaticMarkup(
      createElement(DayChart, {
        id: 'sodium',
        title: 'Sodium',
        unit: 'mg',
        days,
        reference: { amount: 2300, kind: 'cap' },
      }),
    );
    expect(html).toContain('<title id="sodium-title">Sodium per day</title>');
    expect(html).toContain(
      '<desc id="sodium-desc">Mon 1,800 mg, Tue at least 2,600 mg; limit 2,300 mg a day.</desc>',
    );
    // Tuesday is over the limit: drawn in the "over" colour.
    expect(html).toContain('fill="#a12622"');
    expect(html).toContain('<caption>Sodium per day (mg)</caption>');
  });
});
