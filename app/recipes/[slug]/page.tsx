import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ownsPlan, requirePageCaller } from '@/app/_server/auth/page-caller';
import { getDb } from '@/db/client';
import { planHouseholdId } from '@/db/queries/accounts';
import { getPlanById } from '@/db/queries/plans';
import { listProtocols } from '@/db/queries/protocols';
import { getRecipeBySlug, type RecipeDetail } from '@/db/queries/recipes';
import { inflammationText } from '@/lib/foods/inflammation-labels';
import { describeAmount } from '@/lib/foods/nutrient-text';
import { NUTRIENTS } from '@/lib/foods/nutrients';
import { servingsWords } from '@/lib/planner/batch-words';
import { groupLabel } from '@/lib/protocols/labels';
import { formatQuarters } from '@/lib/units/format';
import { recipeFromPlanSchema } from '@/lib/validation/plans';
import { TableWrap } from '../../_components/table-wrap';
import { InflammationBadge } from '../../_components/tag-badge';
import { type ScalableIngredient, ScaledIngredients } from '../_components/scaled-ingredients';

export const dynamic = 'force-dynamic';
type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The planned meal this page was opened from (`?plan=&meal=`), when the plan has that meal and
 * it is this recipe and the plan is the caller's household's; otherwise null and the page is the
 * plain recipe.
 */
async function plannedMeal(
  slug: string,
  query: Record<string, string | string[] | undefined>,
  householdId: number,
) {
  const parsed = recipeFromPlanSchema.safeParse(query);
  if (!parsed.success) return null;
  // another household's plan (or one a clinician was not granted) is no plan here: the page is
  // the plain recipe
  if ((await planHouseholdId(getDb(), parsed.data.plan)) !== householdId) return null;
  if (!(await ownsPlan(getDb(), parsed.data.plan))) return null;
  const plan = await getPlanById(getDb(), parsed.data.plan);
  const meal = plan?.days.flatMap((d) => d.meals).find((m) => m.id === parsed.data.meal);
  if (!plan || !meal || meal.recipeSlug !== slug) return null;
  return { plan, meal };
}

const weekday = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: (await getRecipeBySlug(getDb(), slug))?.name ?? 'Recipe not found' };
}

const SHOWN_NUTRIENTS = [
  'energyKcal',
  'proteinG',
  'fatG',
  'saturatedFatG',
  'carbsG',
  'fiberG',
  'sugarsG',
  'sodiumMg',
  'calciumMg',
  'ironMg',
  'vitaminCMg',
];

const LEVEL_WORDS = { green: 'green (low)', amber: 'amber (moderate)', red: 'red (high)' } as const;

/** Per-serving FODMAP rating by subgroup, from the serving table. */
function FodmapSection({ rating }: { rating: RecipeDetail['fodmapPerServing'] }) {
  return (
    <section aria-labelledby="fodmap-h">
      <h2 id="fodmap-h">FODMAPs per serving</h2>
      {rating.subgroups.length === 0 ? (
        <p className="muted">No FODMAP subgroup rises in one serving of this recipe.</p>
      ) : (
        <>
          <p>
            One serving is <strong>{LEVEL_WORDS[rating.level]}</strong>
            {rating.maxPortion !== null
              ? // rounded down to a quarter serving: never promise more than stays green
                `; up to ${formatQuarters(Math.floor(rating.maxPortion * 4) / 4)} servings per person stay within every green serve.`
              : '.'}
          </p>
          <TableWrap label="FODMAP rating per subgroup">
            <table>
              <thead>
                <tr>
                  <th scope="col">Subgroup</th>
                  <th scope="col">Rating</th>
                  <th scope="col">Foods (grams per serving / green serve)</th>
                </tr>
              </thead>
              <tbody>
                {rating.subgroups.map((s) => (
                  <tr key={s.code} data-testid={`fodmap-${s.code}`}>
                    <td>
                      {s.code === 'high-fodmap' ? 'other (no subgroup named)' : groupLabel(s.code)}
                    </td>
                    <td>
                      {LEVEL_WORDS[s.level]}
                      {s.load !== null ? (
                        <span className="small muted">
                          {' '}
                          · {Math.round(s.load * 100)} % of the limit
                        </span>
                      ) : null}
                    </td>
                    <td>
                      {s.foods
                        .map(
                          (f) =>
                            `${f.name} ${f.grams === null ? '?' : Math.round(f.grams)} g / ${f.greenMaxG === null ? 'no green serve' : `${f.greenMaxG} g`}`,
                        )
                        .join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      <p className="small muted">
        Green serves are {rating.disclaimer}. Several foods of one subgroup in a meal add up: Villi
        keeps the sum of grams ÷ green serve at or below 1.
      </p>
    </section>
  );
}

export default async function RecipePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const db = getDb();
  const caller = await requirePageCaller(db);
  const recipe = await getRecipeBySlug(db, slug);
  if (!recipe) notFound();
  const planned = await plannedMeal(slug, await searchParams, caller.householdId);
  const protocols = new Map((await listProtocols(db)).map((p) => [p.id, p]));
  const ingredients: ScalableIngredient[] = recipe.ingredients.map((i) => {
    const m = i.measures.find((x) => i.text.endsWith(` ${x.label}`));
    return {
      ndb: i.ndb,
      name: i.display,
      grams: i.grams,
      note: i.note,
      measure: m ? { label: m.label, gramsPerUnit: m.grams / m.amount } : null,
    };
  });
  const phaseName = (protocolId: string, phaseId: string) => {
    const p = protocols.get(protocolId);
    const ph = p?.phases.find((x) => x.id === phaseId);
    return { protocol: p?.name ?? protocolId, phase: ph?.name ?? phaseId, kind: p?.kind };
  };
  /** Whether some diets are excused from this rule of the phase: its reason then says which. */
  const exceptedIn = (protocolId: string, phaseId: string, code: string) =>
    protocols
      .get(protocolId)
      ?.phases.find((x) => x.id === phaseId)
      ?.dietExceptions.some((e) => e.allow.some((a) => a === code)) ?? false;

  return (
    <>
      <p className="small">
        {planned ? (
          <Link href={`/plans/${planned.plan.id}#day-${planned.meal.date}`}>
            ← Back to {weekday(planned.meal.date)} in your plan
          </Link>
        ) : (
          <Link href="/recipes">← All recipes</Link>
        )}
      </p>
      <h1>{recipe.name}</h1>
      {planned ? (
        <p className="alert info recipe-planned" data-testid="planned-meal">
          In your plan: {planned.meal.slot} on {weekday(planned.meal.date)},{' '}
          {planned.meal.cook
            ? `${planned.meal.cook.text} for ${servingsWords(planned.meal.servings)}`
            : `${servingsWords(planned.meal.servings)} from the leftovers`}{' '}
          {planned.plan.shared ? (
            <>
              ({planned.meal.portionsText}): {planned.meal.energyKcal} kcal and{' '}
              {planned.meal.proteinG} g protein in the planned portion ({planned.meal.portionText}).
            </>
          ) : (
            <>
              ({planned.meal.portionText} for {planned.plan.householdSize}{' '}
              {planned.plan.householdSize === 1 ? 'person' : 'people'}): {planned.meal.energyKcal}{' '}
              kcal and {planned.meal.proteinG} g protein per person.
            </>
          )}{' '}
          The ingredients below are for{' '}
          {servingsWords(planned.meal.cook?.servings ?? planned.meal.servings)}.
        </p>
      ) : null}
      <p>{recipe.description}</p>
      <p className="row small muted">
        <span>{recipe.mealTypes.join(' · ')}</span>
        <span>· {recipe.cuisine}</span>
        <span>
          · {recipe.prepMinutes} min prep + {recipe.cookMinutes} min cook
        </span>
        <span>· makes {recipe.servings}</span>
        {recipe.leftoverDays > 0 ? <span>· keeps {recipe.leftoverDays} days</span> : null}
        {recipe.freezes ? <span>· freezes well</span> : null}
        <InflammationBadge value={recipe.inflammation.class} />
      </p>

      <div className="grid" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))' }}>
        <section className="card" aria-labelledby="ing-h">
          <h2 id="ing-h" style={{ marginTop: 0 }}>
            Ingredients
          </h2>
          <ScaledIngredients
            ingredients={ingredients}
            servings={recipe.servings}
            start={planned ? (planned.meal.cook?.servings ?? planned.meal.servings) : undefined}
          />
        </section>
        <section className="card" aria-labelledby="nut-h">
          <h2 id="nut-h" style={{ marginTop: 0 }}>
            Nutrition per serving
          </h2>
          <table>
            <tbody>
              {NUTRIENTS.filter((n) => SHOWN_NUTRIENTS.includes(n.key)).map((n) => {
                const v = recipe.nutritionPerServing[n.key] ?? null;
                return (
                  <tr key={n.key}>
                    <th scope="row">{n.label}</th>
                    <td className="num">
                      {describeAmount(v, n.unit, recipe.nutritionUnknown[n.key] ?? 0)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {recipe.nutritionFrom ? (
            <p className="small">
              Strained: the solids are discarded, so these are the USDA values of{' '}
              <Link href={`/foods/${recipe.nutritionFrom.ndb}`}>{recipe.nutritionFrom.name}</Link> (
              {recipe.nutritionFrom.gramsPerServing} g a serving), not of the pot's ingredients.
            </p>
          ) : null}
          <p className="small muted">
            Computed from the USDA values of the ingredients. Where USDA has no value for an
            ingredient, the amount is a lower bound (“at least”), never a guess of zero.
          </p>
        </section>
      </div>

      <section aria-labelledby="steps-h">
        <h2 id="steps-h">Steps</h2>
        <ol>
          {recipe.steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="tags-h">
        <h2 id="tags-h">Allergens and diet groups</h2>
        {recipe.allergens.length + recipe.tags.length === 0 ? (
          <p className="muted">No allergen or diet-group tags.</p>
        ) : (
          <ul>
            {[
              ...recipe.allergens.map((t) => ({ ...t, kind: 'allergen' })),
              ...recipe.tags.map((t) => ({ ...t, kind: 'group' })),
            ].map((t) => (
              <li key={`${t.kind}-${t.code}`}>
                <strong>{t.code}</strong>{' '}
                <span className="muted">
                  ({t.kind}, {t.certainty})
                </span>
                : {t.causes.map((c) => c.name).join(', ')}
              </li>
            ))}
          </ul>
        )}
        {recipe.inflammation.causes.length > 0 ? (
          <p className="small">
            Inflammation score {recipe.inflammation.score} (weighted by evidence) from:{' '}
            {recipe.inflammation.causes
              .map((c) => `${c.name} (${inflammationText(c.class, c.evidence)})`)
              .join('; ')}
            . <Link href="/health-note#evidence">About the evidence</Link>
          </p>
        ) : null}
      </section>

      <FodmapSection rating={recipe.fodmapPerServing} />

      <section aria-labelledby="comp-h">
        <h2 id="comp-h">Protocols and phases</h2>
        <TableWrap label="Protocol compliance">
          <table>
            <thead>
              <tr>
                <th scope="col">Protocol</th>
                <th scope="col">Phase</th>
                <th scope="col">Fits?</th>
                <th scope="col">Why not</th>
              </tr>
            </thead>
            <tbody>
              {recipe.compliance.map((c) => {
                const n = phaseName(c.protocol, c.phase);
                return (
                  <tr
                    key={`${c.protocol}-${c.phase}`}
                    data-testid={`compliance-${c.protocol}-${c.phase}`}
                  >
                    <td>{n.protocol}</td>
                    <td>{n.kind === 'diet' ? '—' : n.phase}</td>
                    <td>
                      {c.ok ? 'Yes' : 'Not in this phase'}
                      {c.note ? <div className="small muted">{c.note}</div> : null}
                    </td>
                    <td>
                      {c.reasons.map((r) => (
                        <div key={`${r.code}-${r.reason}`}>
                          {/* a recipe-level rule (a treat) names no food: its reason says it all */}
                          {r.foods.length > 0 ? `${r.code}: ${r.foods.join(', ')}` : r.reason}
                          {r.reason.startsWith('over the low-FODMAP serve') ||
                          exceptedIn(c.protocol, c.phase, r.code) ? (
                            <span className="small muted"> — {r.reason}</span>
                          ) : null}
                        </div>
                      ))}
                    </td>
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
