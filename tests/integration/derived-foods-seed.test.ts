import { describe, expect, it } from 'vitest';
import { openDb } from '@/db/client';
import { seedDatabase } from '@/db/seed/seed-database';
import { useFreshDatabase } from '../support/db';

describe('seeding derived foods', () => {
  it('stores parent and derivation, and drops a derived food that left the file', () => {
    const db = openDb(useFreshDatabase());
    const row = (ndb: string) =>
      db.$client.prepare('SELECT derived_from, derivation FROM foods WHERE ndb = ?').get(ndb) as
        | { derived_from: string | null; derivation: string | null }
        | undefined;
    expect(row('99006')?.derived_from).toBe('08120');
    expect(row('99006')?.derivation).toMatch(/20 ppm/);
    expect(row('08120')).toEqual({ derived_from: null, derivation: null });

    // a derived food from an older seed file, no longer listed
    db.$client
      .prepare(
        `INSERT INTO foods (ndb, name, group_code, group_name, long_desc, short_desc, common_names,
        manufacturer, sci_name, nutrients, inflammation_class, inflammation_rationale,
        inflammation_evidence, inflammation_source, derived_from, derivation)
        VALUES ('99049', 'Old', '0100', 'Dairy', 'Old', 'OLD', '', '', '', '{}', 'neutral', 'x',
        'weak', 'x', '01077', 'An older derivation that was removed from the file.')`,
      )
      .run();
    seedDatabase(db);
    expect(row('99049')).toBeUndefined();
    expect(row('99006')?.derived_from).toBe('08120');
    db.$client.close();
  });
});
