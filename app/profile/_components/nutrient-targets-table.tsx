import {
  type NutrientTarget,
  type NutrientTargets,
  TRACKED_MICRONUTRIENTS,
} from '@/lib/nutrition/nutrient-model';
import { describeSource, displayLifeStage } from '@/lib/nutrition/nutrient-targets';
import { OVERRIDE_LABELS } from '../_lib/nutrient-labels';

const amount = (t: NutrientTarget) => t.amount.toLocaleString('en-US');

function Row({
  label,
  target,
  prefix = '',
}: {
  label: string;
  target: NutrientTarget;
  prefix?: string;
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">
        {prefix}
        {amount(target)}
      </td>
      <td>{target.unit}</td>
      <td className="small">{describeSource(target)}</td>
    </tr>
  );
}

/** The person's nutrient targets and daily limits, each saying whether it is a default or set. */
export function NutrientTargetsTable({
  nutrientTargets: nt,
}: {
  nutrientTargets: NutrientTargets;
}) {
  const { fatMinPct, fatMaxPct } = nt.energyShares;
  return (
    <section aria-labelledby="nutrient-targets-h">
      <h2 id="nutrient-targets-h">Nutrient targets</h2>
      <p className="muted small">
        Values per day for the life stage {displayLifeStage(nt.lifeStage)} (US/Canada Dietary
        Reference Intakes). Targets are met on the week’s average; limits hold every day.
        {nt.lifeStageNote ? ` Note: ${nt.lifeStageNote}.` : ''}
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Daily nutrient targets and limits</caption>
          <thead>
            <tr>
              <th scope="col">Nutrient</th>
              <th scope="col">Value</th>
              <th scope="col">Unit</th>
              <th scope="col">Where it comes from</th>
            </tr>
          </thead>
          <tbody>
            {TRACKED_MICRONUTRIENTS.map((key) => (
              <Row
                key={key}
                label={OVERRIDE_LABELS[key].label}
                target={nt.targets[key]}
                prefix="at least "
              />
            ))}
            <Row label={OVERRIDE_LABELS.sodiumMaxMg.label} target={nt.caps.sodiumMg} />
            <Row label={OVERRIDE_LABELS.retinolMaxUg.label} target={nt.caps.retinolUg} />
            <Row
              label={OVERRIDE_LABELS.saturatedFatMaxPct.label}
              target={nt.energyShares.saturatedFatMaxPct}
            />
            <Row
              label={OVERRIDE_LABELS.proteinMaxPct.label}
              target={nt.energyShares.proteinMaxPct}
            />
            <tr>
              <th scope="row">Total fat, between</th>
              <td className="num">
                {amount(fatMinPct)}–{amount(fatMaxPct)}
              </td>
              <td>{fatMinPct.unit}</td>
              <td className="small">{describeSource(fatMinPct)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Vitamin D and iodine are not tracked: the food data has no values for them.
      </p>
    </section>
  );
}
