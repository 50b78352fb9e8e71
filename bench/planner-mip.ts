/**
 * The planner's instance as a mixed-integer program in CPLEX LP format: the same cells,
 * candidate lists (compliance, slot type, day time limit), hard rules and objective as
 * `lib/planner/score.ts`, so an exact solver's optimum is directly comparable with ours.
 *
 * Variables
 *   x_c_r_k  cell c cooks recipe r at portion k (binary)
 *   y_c_s_r_k  lunch or dinner cell c eats the batch of recipe r cooked at the earlier lunch or
 *            dinner cell s (r keeps that long, or freezes) as a leftover, at portion k (binary)
 *   w_r      recipe r is cooked (0..1); z_i  ingredient food i is bought
 *   q_k      plant kind k is in the week (continuous; the plant-variety reward)
 *   e_d / p_d / f_d  day penalties (continuous)
 *   fc_d / sf_d / pq_d / fa_d  fibre ceiling, saturated fat, protein share and total fat
 *            penalties of day d (continuous; only with the profile's nutrient model)
 *   mi_j     shortfall penalty of micronutrient j's weekly average (continuous)
 *   mx_j     micronutrient j misses its target at all (binary; the step wX)
 * Rows
 *   fill_c   Σ x + Σ y = 1                    every cell holds one meal
 *   cap_r    Σ x_·_r_· ≤ u_r · w_r            once a week, an assembly recipe twice (u_r = maxUses)
 *   day_r_d  Σ x + Σ y over the day's cells ≤ 1   served once a day (leftovers count)
 *   lo_s_r   Σ_{c,k} y_c_s_r_k ≤ MAX_FED · Σ_k x_s_r_k   a leftover needs its batch's cell to
 *            cook r, and one cooking feeds at most MAX_FED later meals
 *   use_c_r  w_r ≥ Σ_k x_c_r_k;  ing_i_r  z_i ≥ w_r;  pl_k  q_k ≤ Σ_{i of kind k} z_i
 *   (cap_r carries w_r instead of the constant 1: the same 0/1 weeks and the same optimum,
 *   w_r = 1 whenever r is cooked, but a tighter LP relaxation, so HiGHS proves optima sooner)
 *   eLo_d / eHi_d / pLo_d / fLo_d  day penalties ≥ the linear pieces of their max()
 *   fHi_d / sfHi_d / pqHi_d / faHi_d / faLo_d / mLo_j  the nutrient terms' pieces, likewise
 *   fru_d / na_d / ret_d  per-day fructose, sodium and retinol ≤ cap (hard, as in the search)
 *   ses_d / act_d  per-day cooking sessions (x of non-assembly recipes) and hands-on minutes
 *            (Σ active_r · x) ≤ the day's cooking budget (hard; leftovers y cost neither)
 *   prot_p   Σ x + Σ y of the recipes whose main protein is p ≤ maxProteinMeals (hard;
 *            leftover meals count)
 * Carbohydrate (main meals and snacks) and inflammation penalties depend on one meal only, so
 * they sit directly in the objective coefficient of x and y. The per-meal retinol and sodium
 * limits are in `portionOk` (the model's `maxPortion`), and recipes with an unknown capped value
 * or a pregnancy-risk food are not candidates at all (`Model.compliant`).
 *
 * Every continuous variable but q_k has a positive objective weight and is bounded below only by
 * its pieces, so at an optimum each equals its max(); q_k, a reward, rises to its bound, and
 * since the reward is less than a food's cost it never lifts a z_i: for a fixed plan the LP's
 * minimum is exactly `PlanState.total()` (checked in tests/integration/planner-mip.test.ts).
 *
 * Feasibility questions: `objective: false` leaves the objective empty (any week within the hard
 * rules is an answer), and `microFloors: true` makes each tracked micronutrient's week sum ≥ 7 ×
 * its daily target a hard row (`mHard_j`): together, "is there a week meeting every target on
 * the weekly average, within every hard rule?".
 */
import { keepsUntil, MAX_FED } from '@/lib/planner/leftovers';
import { getModel, portionOk } from '@/lib/planner/model';
import type { PlanCells } from '@/lib/planner/plan-io';
import {
  carbsPenalty,
  ENERGY_BAND,
  MICRO_MET_TOLERANCE,
  mealSharePenalty,
  SCORE_WEIGHTS,
} from '@/lib/planner/score';
import { EMPTY } from '@/lib/planner/state';
import type { PlannerInput } from '@/lib/planner/types';
import { plantKindOf } from '@/lib/planner/variety';

export type PlannerMip = {
  lp: string;
  columns: number;
  binaries: number;
  rows: number;
  /** Cells from the solver's 0/1 values (only names with value > 0.5 are needed). */
  decode: (values: Map<string, number>) => Pick<PlanCells, 'recipe' | 'portion' | 'source'>;
  /** The 0/1 columns at 1 for a plan's cells (the inverse of `decode`). */
  encode: (cells: Pick<PlanCells, 'recipe' | 'portion' | 'source'>) => string[];
  /** Every 0/1 column's name. */
  binaryNames: string[];
};

export type PlannerMipOptions = {
  /** false: no objective, a feasibility question (see the header). Default true. */
  objective?: boolean;
  /** Every tracked micronutrient's weekly average ≥ its target as a hard row. Default false. */
  microFloors?: boolean;
  /** Portion factors (as `generatePlan`'s option); default the planner's PORTIONS. */
  portions?: readonly number[];
};

const num = (x: number): string => {
  const v = Number(x.toPrecision(14));
  return Object.is(v, -0) ? '0' : String(v);
};

/** Writes `Σ coef·var` as LP text lines of bounded length. */
function expr(terms: [number, string][]): string {
  const parts: string[] = [];
  for (const [coef, name] of terms) {
    if (coef === 0) continue;
    parts.push(`${coef < 0 ? '-' : '+'} ${num(Math.abs(coef))} ${name}`);
  }
  if (parts.length === 0) throw new Error('empty LP expression: a cell has no candidate recipe');
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(' '));
  return lines.join('\n   ');
}

export function buildPlannerMip(input: PlannerInput, options: PlannerMipOptions = {}): PlannerMip {
  const m = getModel(input, options.portions);
  const p = input.profile;
  const n = m.nutrition;
  const withObjective = options.objective !== false;
  const W = SCORE_WEIGHTS;
  const objective: [number, string][] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const continuous: string[] = [];
  const cellTerms: [number, string][][] = Array.from({ length: m.nCells }, () => []);
  const cookedBy = new Map<number, string[]>();
  const dayCook = new Map<string, string[]>();
  const dayEnergy: [number, string][][] = Array.from({ length: 7 }, () => []);
  const dayProtein: [number, string][][] = Array.from({ length: 7 }, () => []);
  const dayFiber: [number, string][][] = Array.from({ length: 7 }, () => []);
  const dayFructose: [number, string][][] = Array.from({ length: 7 }, () => []);
  const daySodium: [number, string][][] = Array.from({ length: 7 }, () => []);
  const dayRetinol: [number, string][][] = Array.from({ length: 7 }, () => []);
  const daySatFat: [number, string][][] = Array.from({ length: 7 }, () => []);
  const dayFat: [number, string][][] = Array.from({ length: 7 }, () => []);
  const weekMicro: [number, string][][] = Array.from({ length: m.nMicro }, () => []);
  const daySessions: [number, string][][] = Array.from({ length: 7 }, () => []);
  const dayActive: [number, string][][] = Array.from({ length: 7 }, () => []);
  const proteinMeals: [number, string][][] = m.proteinNames.map(() => []);
  const sodiumOn = Number.isFinite(n.sodiumCap);
  const retinolOn = Number.isFinite(n.retinolCap);
  const used = new Set<number>();

  const mealCoefficients = (cell: number, r: number, k: number, name: string): void => {
    const f = m.portions[k]!;
    const d = Math.floor(cell / m.nSlots);
    const spec = m.isMainSlot[cell % m.nSlots] ? p.carbsPerMealG : n.snackCarbs;
    // the energy split is a per-meal cost too (against the day's target, so linear)
    const share =
      m.slotShare === null
        ? 0
        : mealSharePenalty(f * m.energy[r]!, m.slotShare[cell % m.nSlots]!, p.energyKcal);
    objective.push([m.inflCost[r]! + share + carbsPenalty(f * m.carbs[r]!, spec), name]);
    cellTerms[cell]!.push([1, name]);
    if (m.proteinOf[r]! >= 0) proteinMeals[m.proteinOf[r]!]!.push([1, name]);
    dayEnergy[d]!.push([f * m.energy[r]!, name]);
    dayProtein[d]!.push([f * m.protein[r]!, name]);
    dayFiber[d]!.push([f * m.fiber[r]!, name]);
    if (Number.isFinite(m.fructoseCap)) dayFructose[d]!.push([f * m.fructose[r]!, name]);
    if (sodiumOn) daySodium[d]!.push([f * m.sodium[r]!, name]);
    if (retinolOn) dayRetinol[d]!.push([f * m.retinol[r]!, name]);
    if (n.sharesOn) {
      daySatFat[d]!.push([f * m.satFat[r]!, name]);
      dayFat[d]!.push([f * m.fat[r]!, name]);
    }
    for (let j = 0; j < m.nMicro; j++) weekMicro[j]!.push([f * m.micro[r * m.nMicro + j]!, name]);
    binaries.push(name);
    // low-FODMAP doses: a portion over the recipe's green serves is not allowed (as in the search)
    if (!portionOk(m, r, k)) rows.push(` dose_${name}: ${expr([[1, name]])} = 0`);
  };

  for (let c = 0; c < m.nCells; c++) {
    const d = Math.floor(c / m.nSlots);
    for (const r of m.cellCandidates[c]!) {
      used.add(r);
      const perCell: [number, string][] = [];
      for (let k = 0; k < m.portions.length; k++) {
        const name = `x_${c}_${r}_${k}`;
        mealCoefficients(c, r, k, name);
        if (m.session[r]) daySessions[d]!.push([1, name]);
        if (m.active[r]! > 0) dayActive[d]!.push([m.active[r]!, name]);
        perCell.push([1, name]);
        const list = cookedBy.get(r) ?? [];
        list.push(name);
        cookedBy.set(r, list);
        const key = `${r}_${d}`;
        const today = dayCook.get(key) ?? [];
        today.push(name);
        dayCook.set(key, today);
      }
      rows.push(
        ` use_${c}_${r}: ${expr([[1, `w_${r}`], ...perCell.map(([, n]): [number, string] => [-1, n])])} >= 0`,
      );
    }
  }

  if (m.leftoversOn) {
    for (let src = 0; src < m.nCells; src++) {
      if (!m.isBatchSlot[src % m.nSlots]) continue;
      const dS = Math.floor(src / m.nSlots);
      for (const r of m.cellCandidates[src]!) {
        const ys: [number, string][] = [];
        for (let c = (dS + 1) * m.nSlots; c < m.nCells; c++) {
          const d = Math.floor(c / m.nSlots);
          if (!m.isBatchSlot[c % m.nSlots] || !keepsUntil(m, r, dS, d)) continue;
          for (let k = 0; k < m.portions.length; k++) {
            const name = `y_${c}_${src}_${r}_${k}`;
            mealCoefficients(c, r, k, name);
            ys.push([1, name]);
            const key = `${r}_${d}`;
            const today = dayCook.get(key) ?? [];
            today.push(name);
            dayCook.set(key, today);
          }
        }
        if (ys.length === 0) continue;
        const xs = m.portions.map((_, k): [number, string] => [-MAX_FED, `x_${src}_${r}_${k}`]);
        rows.push(` lo_${src}_${r}: ${expr([...ys, ...xs])} <= 0`);
      }
    }
  }

  for (let c = 0; c < m.nCells; c++) rows.push(` fill_${c}: ${expr(cellTerms[c]!)} = 1`);
  for (const [r, names] of cookedBy) {
    rows.push(
      ` cap_${r}: ${expr([[-m.maxUses[r]!, `w_${r}`], ...names.map((n): [number, string] => [1, n])])} <= 0`,
    );
    continuous.push(`w_${r}`);
  }
  for (const [key, names] of dayCook) {
    if (names.length > m.portions.length) {
      rows.push(` day_${key}: ${expr(names.map((n): [number, string] => [1, n]))} <= 1`);
    }
  }
  if (m.proteinOn) {
    proteinMeals.forEach((names, p) => {
      if (names.length > m.maxProteinMeals) {
        rows.push(` prot_${p}: ${expr(names)} <= ${num(m.maxProteinMeals)}`);
      }
    });
  }
  const ingredientUsers = new Map<number, number[]>();
  for (const r of used) {
    for (let i = m.ingStart[r]!; i < m.ingStart[r + 1]!; i++) {
      const id = m.ingIds[i]!;
      const list = ingredientUsers.get(id) ?? [];
      list.push(r);
      ingredientUsers.set(id, list);
    }
  }
  for (const [id, users] of ingredientUsers) {
    objective.push([W.ingredient, `z_${id}`]);
    continuous.push(`z_${id}`);
    for (const r of users) rows.push(` ing_${id}_${r}: z_${id} - w_${r} >= 0`);
  }
  // Plant variety: kind k counts once any of its foods is bought. q_k ≤ Σ z_i and q_k ≤ 1 at a
  // reward of wPl: since wPl < wN no z_i is raised for it, so q_k = [a food of k is bought].
  const ingId = new Map(m.ingNdb.map((ndb, i): [string, number] => [ndb, i]));
  const plantFoods = new Map<string, Set<number>>();
  for (const r of used) {
    for (const ing of input.recipes[r]!.ingredients) {
      const kind = plantKindOf(ing);
      if (kind === null) continue;
      const foods = plantFoods.get(kind) ?? new Set<number>();
      foods.add(ingId.get(ing.ndb)!);
      plantFoods.set(kind, foods);
    }
  }
  [...plantFoods.values()].forEach((foods, k) => {
    const zs = [...foods].map((id): [number, string] => [-1, `z_${id}`]);
    rows.push(` pl_${k}: ${expr([[1, `q_${k}`], ...zs])} <= 0`);
    objective.push([-W.plant, `q_${k}`]);
    continuous.push(`q_${k}`);
  });

  // The targets-missed steps: binary, but not part of a week, so `binaryNames` (the columns a
  // week fixes) leaves them out and a fixed week still chooses them.
  const stepBinaries: string[] = [];
  const scaled = (terms: [number, string][], factor: number): [number, string][] =>
    terms.map(([a, name]): [number, string] => [a * factor, name]);
  /** A penalty variable ≥ each linear piece (and ≥ 0), priced 1 in the objective. */
  const penalty = (
    name: string,
    pieces: { row: string; terms: [number, string][]; rhs: number }[],
  ) => {
    for (const piece of pieces) {
      rows.push(` ${piece.row}: ${expr([[1, name], ...piece.terms])} >= ${num(piece.rhs)}`);
    }
    objective.push([1, name]);
    continuous.push(name);
  };
  for (let d = 0; d < 7; d++) {
    // AIP's per-day fructose cap is a hard rule in the search, so the same instance holds it here
    if (Number.isFinite(m.fructoseCap) && dayFructose[d]!.length > 0) {
      rows.push(` fru_${d}: ${expr(dayFructose[d]!)} <= ${num(m.fructoseCap)}`);
    }
    // so are the profile's sodium and retinol caps (per person per day)
    if (sodiumOn && daySodium[d]!.some(([a]) => a !== 0)) {
      rows.push(` na_${d}: ${expr(daySodium[d]!)} <= ${num(n.sodiumCap)}`);
    }
    if (retinolOn && dayRetinol[d]!.some(([a]) => a !== 0)) {
      rows.push(` ret_${d}: ${expr(dayRetinol[d]!)} <= ${num(n.retinolCap)}`);
    }
    // and the cooking budget (meals cooked, hands-on minutes; leftovers cost neither)
    if (Number.isFinite(m.sessionBudget[d]!) && daySessions[d]!.length > 0) {
      rows.push(` ses_${d}: ${expr(daySessions[d]!)} <= ${num(m.sessionBudget[d]!)}`);
    }
    if (Number.isFinite(m.minuteBudget[d]!) && dayActive[d]!.length > 0) {
      rows.push(` act_${d}: ${expr(dayActive[d]!)} <= ${num(m.minuteBudget[d]!)}`);
    }
    const tE = p.energyKcal;
    if (tE > 0) {
      const a = (W.energyPerPct * 100) / tE;
      penalty(`e_${d}`, [
        {
          row: `eLo_${d}`,
          terms: scaled(dayEnergy[d]!, a),
          rhs: W.energyPerPct * 100 * (1 - ENERGY_BAND),
        },
        {
          row: `eHi_${d}`,
          terms: scaled(dayEnergy[d]!, -a),
          rhs: -W.energyPerPct * 100 * (1 + ENERGY_BAND),
        },
      ]);
    }
    if (p.proteinG > 0) {
      const a = (W.proteinPerPct * 100) / p.proteinG;
      penalty(`p_${d}`, [
        { row: `pLo_${d}`, terms: scaled(dayProtein[d]!, a), rhs: W.proteinPerPct * 100 },
      ]);
    }
    if (p.fiberG > 0) {
      const a = (W.fiberPerPct * 100) / p.fiberG;
      penalty(`f_${d}`, [
        { row: `fLo_${d}`, terms: scaled(dayFiber[d]!, a), rhs: W.fiberPerPct * 100 },
      ]);
      if (n.fiberMaxFactor > 0) {
        // wF·100·(F − c·T_F)/T_F ≤ fc
        penalty(`fc_${d}`, [
          {
            row: `fHi_${d}`,
            terms: scaled(dayFiber[d]!, -a),
            rhs: -W.fiberPerPct * 100 * n.fiberMaxFactor,
          },
        ]);
      }
    }
    if (n.sharesOn && tE > 0) {
      // energySharePenalty: 100·w·(excess kcal)/T_E per share; the two fat sides are one max()
      const { saturatedFatMax, proteinMax, fatMin, fatMax } = n.shares;
      const share = (w: number, nutrientKcal: [number, string][], limit: number) =>
        combine([
          ...scaled(nutrientKcal, (-100 * w) / tE),
          ...scaled(dayEnergy[d]!, (100 * w * limit) / tE),
        ]);
      if (saturatedFatMax !== null) {
        penalty(`sf_${d}`, [
          {
            row: `sfHi_${d}`,
            terms: share(W.saturatedFatPerPct, scaled(daySatFat[d]!, 9), saturatedFatMax),
            rhs: 0,
          },
        ]);
      }
      if (proteinMax !== null) {
        penalty(`pq_${d}`, [
          {
            row: `pqHi_${d}`,
            terms: share(W.proteinMaxPerPct, scaled(dayProtein[d]!, 4), proteinMax),
            rhs: 0,
          },
        ]);
      }
      const fatPieces: { row: string; terms: [number, string][]; rhs: number }[] = [];
      if (fatMax !== null) {
        fatPieces.push({
          row: `faHi_${d}`,
          terms: share(W.fatPerPct, scaled(dayFat[d]!, 9), fatMax),
          rhs: 0,
        });
      }
      // the scorer prices "under the minimum" only when not over the maximum: with the minimum
      // below the maximum (an AMDR range) that is this max() of the two pieces
      if (fatMin !== null) {
        fatPieces.push({
          row: `faLo_${d}`,
          terms: scaled(share(W.fatPerPct, scaled(dayFat[d]!, 9), fatMin), -1),
          rhs: 0,
        });
      }
      if (fatPieces.length > 0) penalty(`fa_${d}`, fatPieces);
    }
  }
  for (let j = 0; j < m.nMicro; j++) {
    const t = n.microTargets[j]!;
    if (options.microFloors === true) {
      const sum = weekMicro[j]!.some(([a]) => a !== 0)
        ? weekMicro[j]!
        : [[1, 'none'] as [number, string]];
      if (sum[0]![1] === 'none' && !continuous.includes('none')) continuous.push('none');
      // a hair above 7·T, so the solver's feasibility tolerance cannot pass a week just short
      rows.push(` mHard_${j}: ${expr(sum)} >= ${num(7 * t + 1e-5)}`);
    }
    // wM·100·(T − S/7)/T ≤ mi
    const a = (W.micronutrientPerPct * 100) / (7 * t);
    penalty(`mi_${j}`, [
      { row: `mLo_${j}`, terms: scaled(weekMicro[j]!, a), rhs: W.micronutrientPerPct * 100 },
    ]);
    // the step for a target missed at all: S + 7T·mx ≥ 7T − tol, so mx = 0 only when met
    const sum = weekMicro[j]!.length > 0 ? weekMicro[j]! : null;
    rows.push(
      ` mX_${j}: ${expr([...(sum ?? []), [7 * t, `mx_${j}`]])} >= ${num(7 * t - MICRO_MET_TOLERANCE)}`,
    );
    objective.push([W.micronutrientMissed, `mx_${j}`]);
    stepBinaries.push(`mx_${j}`);
  }

  const bounds = continuous.map((name) =>
    name === 'none'
      ? ` ${name} = 0`
      : name.startsWith('w_') || name.startsWith('z_') || name.startsWith('q_')
        ? ` 0 <= ${name} <= 1`
        : ` ${name} >= 0`,
  );
  const lp = [
    'Minimize',
    withObjective ? ` obj: ${expr(objective)}` : ' obj:',
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    'Binary',
    ...chunk([...binaries, ...stepBinaries], 10).map((names) => ` ${names.join(' ')}`),
    'End',
    '',
  ].join('\n');

  const decode = (
    values: Map<string, number>,
  ): Pick<PlanCells, 'recipe' | 'portion' | 'source'> => {
    const cells = {
      recipe: new Int32Array(m.nCells).fill(EMPTY),
      portion: new Uint8Array(m.nCells),
      source: new Int32Array(m.nCells).fill(EMPTY),
    };
    for (const [name, v] of values) {
      if (v < 0.5) continue;
      const x = /^x_(\d+)_(\d+)_(\d+)$/.exec(name);
      const y = /^y_(\d+)_(\d+)_(\d+)_(\d+)$/.exec(name);
      if (x) {
        const c = Number(x[1]);
        cells.recipe[c] = Number(x[2]);
        cells.portion[c] = Number(x[3]);
      } else if (y) {
        const c = Number(y[1]);
        cells.source[c] = Number(y[2]);
        cells.recipe[c] = Number(y[3]);
        cells.portion[c] = Number(y[4]);
      }
    }
    return cells;
  };

  const encode = (cells: Pick<PlanCells, 'recipe' | 'portion' | 'source'>): string[] => {
    const names: string[] = [];
    for (let c = 0; c < m.nCells; c++) {
      const r = cells.recipe[c]!;
      if (r === EMPTY) continue;
      const src = cells.source[c]!;
      names.push(
        src === EMPTY
          ? `x_${c}_${r}_${cells.portion[c]}`
          : `y_${c}_${src}_${r}_${cells.portion[c]}`,
      );
    }
    return names;
  };

  return {
    lp,
    columns: binaries.length + stepBinaries.length + continuous.length,
    binaries: binaries.length + stepBinaries.length,
    rows: rows.length,
    decode,
    encode,
    binaryNames: binaries,
  };
}

/**
 * The MIP with every 0/1 column fixed to one week (`ones` at 1, the rest 0): an LP whose optimum
 * is the MIP's objective for exactly that week, or infeasible when the week breaks a hard row.
 */
export function fixedLp(mip: PlannerMip, ones: string[]): string {
  const set = new Set(ones);
  const zeros = mip.binaryNames.filter((n) => !set.has(n));
  const rows = [
    ...ones.map((n, k) => ` fix1_${k}: ${n} = 1`),
    ...(zeros.length > 0 ? [` fix0: ${expr(zeros.map((n): [number, string] => [1, n]))} = 0`] : []),
  ];
  return mip.lp.replace('\nBounds\n', `\n${rows.join('\n')}\nBounds\n`);
}

/** Sums the coefficients of repeated names (an LP row names each column once). */
function combine(terms: [number, string][]): [number, string][] {
  const byName = new Map<string, number>();
  for (const [a, name] of terms) byName.set(name, (byName.get(name) ?? 0) + a);
  return [...byName].map(([name, a]): [number, string] => [a, name]);
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
