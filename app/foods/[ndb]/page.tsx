import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageCaller } from '@/app/_server/auth/page-caller';
import { getDb } from '@/db/client';
import { getFoodByNdb } from '@/db/queries/foods';
import { listProtocols } from '@/db/queries/protocols';
import { eliminatedInNote } from '@/lib/foods/inflammation-labels';
import { NO_DATA } from '@/lib/foods/nutrient-text';
import { NUTRIENTS } from '@/lib/foods/nutrients';
import { restrictionForPhase } from '@/lib/protocols/build-restriction';
import { findViolations } from '@/lib/restrictions/violations';
import { TableWrap } from '../../_components/table-wrap';
import { InflammationBadge } from '../../_components/tag-badge';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ ndb: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ndb } = await params;
  const food = /^\d{5}$/.test(ndb) ? await getFoodByNdb(getDb(), ndb) : null;
  return { title: food?.name ?? 'Food not found' };
}

function fmt(value: number | null, digits = 1): string {
  if (value === null) return NO_DATA;
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

export default async function FoodPage({ params }: Props) {
  const { ndb } = await params;
  if (!/^\d{5}$/.test(ndb)) notFound();
  const db = getDb();
  await requirePageCaller(db);
  const food = await getFoodByNdb(db, ndb);
  if (!food) notFound();
  // Protocols whose elimination phase leaves this food out: said as a protocol choice.
  const ref = {
    ndb,
    name: food.name,
    allergens: food.allergens,
    tags: food.tags,
  };
  const eliminatedNote = eliminatedInNote(
    (await listProtocols(db))
      .filter((p) => {
        const first = p.phases[0];
        return (
          p.kind === 'protocol' &&
          first &&
          findViolations(ref, restrictionForPhase(p, first)).length > 0
        );
      })
      .map((p) => p.shortName ?? p.name),
  );

  const tagRows = [
    ...food.allergens.map((t) => ({ ...t, kind: 'Allergen' })),
    ...food.tags.map((t) => ({ ...t, kind: 'Diet group' })),
  ];
  return (
    <>
      <p className="small">
        <Link href="/foods">← All foods</Link>
      </p>
      <h1>{food.name}</h1>
      <p className="muted">
        NDB {food.ndb} · {food.group.name}
        {food.commonNames ? ` · also called ${food.commonNames}` : ''}
        {food.sciName ? ` · ${food.sciName}` : ''}
      </p>

      {food.derivation ? (
        <section className="card" aria-labelledby="derivation-h">
          <h2 id="derivation-h" style={{ marginTop: 0 }}>
            Derived from an SR21 food
          </h2>
          <p>
            SR21 has no entry for this food. Villi builds it from{' '}
            <Link href={`/foods/${food.derivation.parent.ndb}`}>{food.derivation.parent.name}</Link>{' '}
            (NDB {food.derivation.parent.ndb}):
          </p>
          <p>{food.derivation.text}</p>
        </section>
      ) : null}

      <section className="card" aria-labelledby="inflammation-h">
        <h2 id="inflammation-h" style={{ marginTop: 0 }}>
          Inflammation:{' '}
          <InflammationBadge
            value={food.inflammation.class}
            evidence={food.inflammation.evidence}
          />
        </h2>
        <p>{food.inflammation.rationale}</p>
        {eliminatedNote ? <p className="small">{eliminatedNote}</p> : null}
        <p className="small muted">
          Evidence: <strong>{food.inflammation.evidence}</strong> · rule{' '}
          <code>{food.inflammation.source}</code> ·{' '}
          <Link href="/health-note#evidence">what the evidence levels mean</Link>
        </p>
      </section>

      {food.fodmap ? (
        <section className="card" aria-labelledby="fodmap-h">
          <h2 id="fodmap-h" style={{ marginTop: 0 }}>
            FODMAPs: {food.fodmap.summary}
          </h2>
          {food.fodmap.servingTable ? (
            <p className="small">
              Serving table row “{food.fodmap.servingTable.food}” · source tier{' '}
              <strong>{food.fodmap.servingTable.tier}</strong>
              {food.fodmap.servingTable.amberFromG !== null
                ? ` · moderate from ${food.fodmap.servingTable.amberFromG} g`
                : ''}
              {food.fodmap.servingTable.redFromG !== null
                ? ` · high from ${food.fodmap.servingTable.redFromG} g`
                : ''}{' '}
              · <span className="muted">{food.fodmap.servingTable.source}</span>
            </p>
          ) : null}
          <p className="small muted">
            Per sitting; {food.fodmap.disclaimer}. In the low-FODMAP elimination phase the planner
            keeps each meal within this serve.
          </p>
        </section>
      ) : null}

      <section aria-labelledby="tags-h">
        <h2 id="tags-h">Allergens and diet groups</h2>
        {tagRows.length === 0 ? (
          <p className="muted">
            No allergen or diet-group tags: this food is plain enough to fit every protocol.
          </p>
        ) : (
          <TableWrap label="Tags and their reasons">
            <table>
              <thead>
                <tr>
                  <th scope="col">Tag</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Certainty</th>
                  <th scope="col">Why</th>
                  <th scope="col">Rule</th>
                </tr>
              </thead>
              <tbody>
                {tagRows.map((t) => (
                  <tr key={`${t.kind}-${t.code}`}>
                    <td>
                      <strong>{t.code}</strong>
                    </td>
                    <td>{t.kind}</td>
                    <td>{t.certainty}</td>
                    <td>{t.rationale}</td>
                    <td>
                      <code className="small">{t.source}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section aria-labelledby="nutrients-h">
        <h2 id="nutrients-h">Nutrients</h2>
        <p className="muted small">
          Per 100 g and per household measure (USDA WEIGHT.txt). “{NO_DATA}” means USDA has no
          value: the amount is unknown, not zero.
        </p>
        <TableWrap label="Nutrients per 100 g and per measure">
          <table>
            <thead>
              <tr>
                <th scope="col">Nutrient</th>
                <th scope="col" className="num">
                  per 100 g
                </th>
                {food.measures.map((m) => (
                  <th scope="col" className="num" key={m.seq}>
                    {fmt(m.amount, 2)} {m.label} ({fmt(m.grams)} g)
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {NUTRIENTS.map((n) => {
                const v = food.nutrientsPer100g[n.key] ?? null;
                return (
                  <tr key={n.key}>
                    <th scope="row">
                      {n.label} <span className="muted">({n.unit})</span>
                    </th>
                    <td className="num">{fmt(v, 2)}</td>
                    {food.measures.map((m) => (
                      <td className="num" key={m.seq}>
                        {v === null ? NO_DATA : fmt((v * m.grams) / 100, 2)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </>
  );
}
