import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { clinicianReportToMarkdown } from '@/lib/export/clinician-markdown';
import { journalToCsv } from '@/lib/export/journal-csv';
import { buildClinicianReport } from '@/lib/report/clinician';
import { INPUT } from './fixture';

const report = buildClinicianReport(INPUT);

describe('journalToCsv', () => {
  const csv = journalToCsv(report.journal.rows);

  it('starts with a byte order mark and a header of date, the nine symptoms and note', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFdate,bloating,pain,stool,fatigue,joints,skin,brainFog,headache,sleep,note',
    );
  });

  it('has one row per day, oldest first, a blank stool on a day without one, notes quoted', () => {
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(12);
    expect(rows[0]?.date).toBe('2026-11-03');
    const milk = rows.find((r) => r.date === '2026-11-10');
    expect(milk).toMatchObject({
      bloating: '5',
      pain: '1',
      stool: '6',
      note: 'after milk at lunch, "gurgly"',
    });
    const noStool = rows.find((r) => r.date === '2026-11-15');
    expect(noStool?.stool).toBe('');
    // a note a spreadsheet would run as a formula is escaped
    expect(noStool?.note).toBe("'=felt fine");
  });

  it('is only the header for an empty journal', () => {
    expect(journalToCsv([], { bom: false })).toBe(
      'date,bloating,pain,stool,fatigue,joints,skin,brainFog,headache,sleep,note\r\n',
    );
  });
});

describe('clinicianReportToMarkdown', () => {
  const md = clinicianReportToMarkdown(report);

  it('names the person (escaped), the protocol and the phase dates', () => {
    expect(md).toMatch(/^# Clinician report: Ada \\\| test\n/);
    expect(md).toContain('- Protocol: Low-FODMAP');
    expect(md).toContain(
      '- Phase: Reintroduction since 2026-11-02 (2 weeks so far); usually 6 to 8 weeks: 2026-12-14 to 2026-12-28',
    );
    expect(md).toContain('- Reintroduction: started 2026-11-09');
    expect(md).toContain('- Adherence (share of planned meals kept): not recorded');
  });

  it('has a row per challenge with doses, dates, the symptoms that rose and the outcome', () => {
    expect(md).toContain(
      '| Lactose (milk) — Milk, whole | 60 g (¼ cup milk), 120 g (½ cup milk), 240 g (1 cup milk) | 2026-11-09 to 2026-11-11 | Bloating / gas 2 → 6; Abdominal pain 0 → 3; Stool form type 4.3 → type 7; Fatigue 2 → 3 | reacted (confirmed 2026-11-14) |',
    );
    expect(md).toContain(
      '| Fructose (honey) — Honey | 7 g (1 tsp honey) | 2026-11-16 | no symptom rose above baseline | tolerated up to 7 g (confirmed 2026-11-19) |',
    );
    expect(md).toContain(
      '| Mannitol (mushrooms) — Mushrooms, white, raw | 20 g (¼ cup mushrooms) | not started | — | pending |',
    );
  });

  it('gives the weekly symptom averages, the personal list with sources and the shortfalls', () => {
    expect(md).toContain('| Bloating / gas | 2026-11-02 | 2.8 | 2026-11-16 | 2 |');
    expect(md).toContain(
      '| Fructose (group fodmap-fructose) | 7 g | Challenge Fructose (honey), 2026-11-16 to 2026-11-16 |',
    );
    expect(md).toContain('| Garlic (concept garlic) | — | Added by hand |');
    expect(md).toContain('| 2026-11-09 | Calcium | 612 mg | 1,000 mg |');
  });

  it('says so when there is nothing to report', () => {
    const empty = clinicianReportToMarkdown(
      buildClinicianReport({
        ...INPUT,
        entries: [],
        reintroduction: null,
        personal: { allowed: [], excluded: [] },
        nutrition: [],
      }),
    );
    expect(empty).toContain('No journal entries.');
    expect(empty).toContain('No reintroduction challenges yet.');
    expect(empty).toContain('- Reintroduction: not started');
    expect(empty).toContain('No planned week falls short of a tracked target.');
    expect(empty.match(/^None\.$/gm)).toHaveLength(2);
  });
});
