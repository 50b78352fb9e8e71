import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageCaller } from '@/app/_server/auth/page-caller';
import { getDb } from '@/db/client';
import { foodNames } from '@/db/queries/foods';
import { listProtocols } from '@/db/queries/protocols';
import type { Phase } from '@/lib/protocols/schema';
import { currentPlanPath } from '../_lib/current-plan';

/** The phrase in protocol text that promises the weekly nutrition report (AIP). */
const REPORT_PHRASE = 'weekly summary';

/** A clinician line, with "weekly summary" linked to the nutrition report of the current plan. */
function ClinicianLine({ text, reportHref }: { text: string; reportHref: string | null }) {
  const at = text.indexOf(REPORT_PHRASE);
  if (at < 0 || reportHref === null) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <Link href={reportHref}>{REPORT_PHRASE}</Link>
      {text.slice(at + REPORT_PHRASE.length)}
    </>
  );
}

export const metadata: Metadata = { title: 'Protocols' };
export const dynamic = 'force-dynamic';

function duration(phase: Phase): string {
  const { min, max } = phase.durationWeeks;
  if (max === null) return min > 0 ? `${min}+ weeks` : 'open-ended';
  return min === max ? `${min} weeks` : `${min}–${max} weeks`;
}

/** The low-FODMAP dose model in plain words (phases marked `fodmapDoses`). */
function ServingSizes() {
  return (
    <div data-testid="fodmap-dose-model">
      <h3>How serving size counts</h3>
      <p>
        FODMAPs depend on how much you eat in one sitting. Ripe banana is low at about a third of a
        banana and high in fructans at a whole one; sweet potato is fine at 75 g and high in
        mannitol above about 110 g. So during elimination and reintroduction Villi does not leave
        out every food that can be high: it serves each food only up to its largest low
        (&ldquo;green&rdquo;) serve per person per meal.
      </p>
      <p>
        Foods of the same subgroup add up in one meal, the way Monash describes
        &ldquo;stacking&rdquo;: half a green serve of sweet potato and half a green serve of celery
        (both mannitol) fill the meal&rsquo;s mannitol allowance. Villi keeps, for every subgroup,
        the sum of each food&rsquo;s share of its green serve at or below one, and picks a smaller
        portion of a recipe when it has to. Foods with no low serve (garlic, onion, cashews) stay
        out, and your allergies and your own avoid list are never relaxed.
      </p>
      <p className="small muted">
        The serves are estimated from published sources — the Monash app is the reference. Each food
        page shows its serve and where it comes from.
      </p>
    </div>
  );
}

export default async function ProtocolsPage() {
  const caller = await requirePageCaller(getDb());
  const protocols = await listProtocols(getDb());
  const elimination = protocols.filter((p) => p.kind === 'protocol');
  const diets = protocols.filter((p) => p.kind === 'diet');
  // The weekly nutrition report of this week's plan; with no plan yet, onboarding makes one.
  const plan = await currentPlanPath(getDb(), caller, '/nutrition');
  const reportHref = plan?.endsWith('/nutrition') ? plan : '/';
  // The foods each "what is in" line promises (NDB numbers; search terms stay text only).
  const names = await foodNames(
    getDb(),
    protocols.flatMap((p) => (p.whatIsInFoods ?? []).flat().filter((x) => /^\d{5}$/.test(x))),
  );
  return (
    <>
      <h1>Protocols</h1>
      <p className="muted">
        What each elimination protocol leaves out for a while, what stays in, how long each phase
        usually lasts, and when to talk to a clinician. Foods that are out are simply{' '}
        <em>not in this phase</em>: most come back during reintroduction.
      </p>
      <nav aria-label="Protocols on this page" className="row">
        {protocols.map((p) => (
          <a key={p.id} href={`#${p.id}`} className="badge">
            {p.name}
          </a>
        ))}
      </nav>
      {elimination.map((p) => (
        <section
          key={p.id}
          id={p.id}
          className="card"
          style={{ marginTop: '1rem' }}
          aria-labelledby={`${p.id}-h`}
        >
          <h2 id={`${p.id}-h`} style={{ marginTop: 0 }}>
            {p.name}
          </h2>
          <p>{p.summary}</p>
          <div
            className="grid"
            style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))' }}
          >
            <div>
              <h3>What is out (for now)</h3>
              <ul>
                {p.whatIsOut.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            </div>
            <div>
              <h3>What is in</h3>
              <ul>
                {p.whatIsIn.map((x, i) => (
                  <li key={x}>
                    {x}
                    <PromisedFoods ndbs={p.whatIsInFoods?.[i] ?? []} names={names} />
                  </li>
                ))}
              </ul>
            </div>
          </div>
          {p.phases.some((ph) => ph.fodmapDoses) ? <ServingSizes /> : null}
          <h3>How long</h3>
          <p>{p.howLong}</p>
          <h3>Phases</h3>
          <ol>
            {p.phases.map((ph) => (
              <li key={ph.id}>
                <strong>{ph.name}</strong> <span className="muted">({duration(ph)})</span> —{' '}
                {ph.summary}
                {ph.reintroduces.length > 0 ? (
                  <div className="small">Returns: {ph.reintroduces.join('; ')}</div>
                ) : null}
                {ph.exclude.length > 0 ? (
                  <div className="small muted">
                    Not in this phase: {ph.exclude.join(', ')}
                    {ph.fodmapDoses ? ' (above each food’s low serve)' : ''}
                  </div>
                ) : null}
                {[...ph.dailyCaps, ...ph.ingredientLimits].map((limit) => (
                  <div key={limit.note} className="small muted">
                    Limit: {limit.note}
                  </div>
                ))}
                {ph.dietExceptions.map((e) => (
                  <div key={e.reason} className="small">
                    With a {e.diets.join(' or ')} diet, in after all: {e.allow.join(', ')} —{' '}
                    {e.reason}
                  </div>
                ))}
                {p.impossibleDiets
                  .filter((x) => x.phases.includes(ph.id))
                  .map((x) => (
                    <div key={x.reason} className="small">
                      Not with a {x.diets.join(' or ')} diet: {x.reason}
                    </div>
                  ))}
                <div className="small">
                  <Link href={`/recipes?protocol=${p.id}&phase=${ph.id}`}>
                    Recipes that fit this phase
                  </Link>
                </div>
              </li>
            ))}
          </ol>
          <h3>When to talk to a clinician</h3>
          <ul>
            {p.talkToClinician.map((x) => (
              <li key={x}>
                <ClinicianLine text={x} reportHref={reportHref} />
              </li>
            ))}
          </ul>
          <p className="small">
            <strong>Evidence:</strong> {p.evidence}
          </p>
          <p className="small muted">Rule set {p.ruleSetVersion}</p>
        </section>
      ))}
      <section style={{ marginTop: '1.5rem' }} aria-labelledby="diets-h">
        <h2 id="diets-h">Everyday diets</h2>
        <p className="muted">These combine with any protocol above.</p>
        <div className="grid">
          {diets.map((d) => (
            <div key={d.id} id={d.id} className="card">
              <h3 style={{ marginTop: 0 }}>{d.name}</h3>
              <p className="small">{d.summary}</p>
              <p className="small muted">
                Leaves out:{' '}
                {d.phases[0]?.exclude.length ? d.phases[0].exclude.join(', ') : 'nothing'}
              </p>
            </div>
          ))}
        </div>
      </section>
    </>
  );
}

/** The foods a "what is in" line stands for, linked to their pages (derived foods included). */
function PromisedFoods({ ndbs, names }: { ndbs: string[]; names: Map<string, string> }) {
  const foods = ndbs.flatMap((ndb) => {
    const name = names.get(ndb);
    return name ? [{ ndb, name }] : [];
  });
  if (foods.length === 0) return null;
  return (
    <details className="small">
      <summary>
        {foods.length === 1 ? '1 food' : `${foods.length} foods`} in Villi's food list
      </summary>
      <ul>
        {foods.map((f) => (
          <li key={f.ndb}>
            <Link href={`/foods/${f.ndb}`}>{f.name}</Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
