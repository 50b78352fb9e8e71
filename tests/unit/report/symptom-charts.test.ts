import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SymptomTrendCharts } from '@/app/_components/charts/symptom-trends';
import { buildClinicianReport } from '@/lib/report/clinician';
import { symptomTrends } from '@/lib/report/symptom-trends';
import { INPUT } from './fixture';

const trends = buildClinicianReport(INPUT).trends;
const html = renderToStaticMarkup(createElement(SymptomTrendCharts, { trends, idPrefix: 't' }));

describe('symptom trend charts (server-rendered SVG)', () => {
  it('draws one accessible chart per symptom', () => {
    expect(html.match(/<svg/g)).toHaveLength(9);
    expect(html.match(/role="img"/g)).toHaveLength(9);
    expect(html).toContain('aria-labelledby="t-bloating-title" aria-describedby="t-bloating-desc"');
    expect(html).toContain('<title id="t-bloating-title">Bloating / gas, weekly average</title>');
  });

  it('describes every week and every challenge with its outcome in words', () => {
    expect(html).toContain(
      '<desc id="t-bloating-desc">Weekly average of bloating / gas (0 to 10): week of Nov 2 2.8, week of Nov 9 3.3, week of Nov 16 2. Challenges: Lactose (milk), Nov 9–Nov 11: reacted; Fructose (honey), Nov 16: tolerated.</desc>',
    );
    expect(html).toContain('Stool form, weekly average (Bristol type, 1 to 7)');
  });

  it('marks outcomes with a letter the legend spells out, not by color alone', () => {
    expect(html).toContain('T tolerated, R reacted, U unclear');
    expect(html).toContain('<li><strong>R</strong> Lactose (milk), Nov 9–Nov 11: reacted</li>');
    // each of the nine charts writes R on lactose's days and T on fructose's
    expect(html.match(/>R<\/text>/g)).toHaveLength(9);
    expect(html.match(/>T<\/text>/g)).toHaveLength(9);
  });

  it('has a table of each symptom first and latest weekly average', () => {
    expect(html).toContain(
      '<th scope="row">Bloating / gas</th><td>2.8 <span class="muted">(Nov 2)</span></td><td>2 <span class="muted">(Nov 16)</span></td>',
    );
    // the hidden table of each chart gives the days behind each average
    expect(html).toContain('<th scope="row">Nov 16</th><td>4</td><td>2</td>');
  });

  it('says there is nothing to draw before the first entry', () => {
    const empty = renderToStaticMarkup(
      createElement(SymptomTrendCharts, { trends: symptomTrends([]) }),
    );
    expect(empty).not.toContain('<svg');
    expect(empty).toContain('Nothing to chart yet');
  });
});
