/**
 * The planner's instance as a mixed-integer program in CPLEX LP format: the same cells,
 * candidate lists (compliance, slot type, day time limit), hard rules and objective as
 * `lib/planner/score.ts`, so an exact solver's optimum is directly comparable with ours.
 *
 * Variables
 *   x_c_r_k  cell c cooks recipe r at portion k (binary)
 *   y_c_r_k  lunch cell c eats yesterday's dinner recipe r as a leftover, at portion k (binary)
 *   w_r      recipe r is cooked at least once; z_i  ingredient food i is bought
 *   u_r      second cooking of r; e_d / p_d / f_d  day penalties (continuous)
 * Rows
 *   fill_c   Σ x + Σ y = 1                    every cell holds one meal
 *   cap_r    Σ x_·_r_· ≤ 2                    twice a week (leftovers exempt)
 *   day_r_d  Σ x + Σ y over the day's cells ≤ 1   served once a day (leftovers count)
 *   lo_c_r   Σ_k y_c_r_k ≤ Σ_k x_D_r_k        a leftover needs yesterday's dinner to be r
 *   use_c_r  w_r ≥ Σ_k x_c_r_k;  ing_i_r  z_i ≥ w_r;  rep_r  u_r ≥ Σ x_·_r_· − 1
 *   eLo_d / eHi_d / pLo_d / fLo_d  day penalties ≥ the linear pieces of their max()
 * Carbohydrate and inflammation penalties depend on one meal only, so they sit directly in the
 * objective coefficient of x and y.
 */
import { getModel, portionOk } from '@/lib/planner/model';
import type { PlanCells } from '@/lib/planner/plan-io';
import { carbsPenalty, ENERGY_BAND, SCORE_WEIGHTS } from '@/lib/planner/score';
import { EMPTY } from '@/lib/planner/state';
import type { PlannerInput } from '@/lib/planner/types';

export type PlannerMip = {
  lp: string;
  columns: number;
  binaries: number;
  rows: number;
  /** Cells from the solver's 0/1 values (only names with value > 0.5 are needed). */
  decode: (values: Map<string, number>) => Pick<PlanCells, 'recipe' | 'portion' | 'leftover'>;
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

export function buildPlannerMip(input: PlannerInput): PlannerMip {
  const m = getModel(input);
  const p = input.profile;
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
  const used = new Set<number>();

  const mealCoefficients = (cell: number, r: number, k: number, name: string): void => {
    const f = m.portions[k]!;
    const d = Math.floor(cell / m.nSlots);
    let cost = m.inflCost[r]!;
    if (m.isMainSlot[cell % m.nSlots]) cost += carbsPenalty(f * m.carbs[r]!, p.carbsPerMealG);
    objective.push([cost, name]);
    cellTerms[cell]!.push([1, name]);
    dayEnergy[d]!.push([f * m.energy[r]!, name]);
    dayProtein[d]!.push([f * m.protein[r]!, name]);
    dayFiber[d]!.push([f * m.fiber[r]!, name]);
    if (Number.isFinite(m.fructoseCap)) dayFructose[d]!.push([f * m.fructose[r]!, name]);
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
    for (let d = 1; d < 7; d++) {
      const c = d * m.nSlots + m.lunch;
      const dinnerCell = (d - 1) * m.nSlots + m.dinner;
      for (const r of m.cellCandidates[dinnerCell]!) {
        if (!m.keeps[r]) continue;
        const ys: [number, string][] = [];
        for (let k = 0; k < m.portions.length; k++) {
          const name = `y_${c}_${r}_${k}`;
          mealCoefficients(c, r, k, name);
          ys.push([1, name]);
          const key = `${r}_${d}`;
          const today = dayCook.get(key) ?? [];
          today.push(name);
          dayCook.set(key, today);
        }
        const xs = m.portions.map((_, k): [number, string] => [-1, `x_${dinnerCell}_${r}_${k}`]);
        rows.push(` lo_${c}_${r}: ${expr([...ys, ...xs])} <= 0`);
      }
    }
  }

  for (let c = 0; c < m.nCells; c++) rows.push(` fill_${c}: ${expr(cellTerms[c]!)} = 1`);
  for (const [r, names] of cookedBy) {
    rows.push(` cap_${r}: ${expr(names.map((n): [number, string] => [1, n]))} <= 2`);
    rows.push(
      ` rep_${r}: ${expr([[1, `u_${r}`], ...names.map((n): [number, string] => [-1, n])])} >= -1`,
    );
    objective.push([W.repeat, `u_${r}`]);
    continuous.push(`u_${r}`, `w_${r}`);
  }
  for (const [key, names] of dayCook) {
    if (names.length > m.portions.length) {
      rows.push(` day_${key}: ${expr(names.map((n): [number, string] => [1, n]))} <= 1`);
    }
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

  const scaled = (terms: [number, string][], factor: number): [number, string][] =>
    terms.map(([a, n]): [number, string] => [a * factor, n]);
  for (let d = 0; d < 7; d++) {
    // AIP's per-day fructose cap is a hard rule in the search, so the same instance holds it here
    if (Number.isFinite(m.fructoseCap) && dayFructose[d]!.length > 0) {
      rows.push(` fru_${d}: ${expr(dayFructose[d]!)} <= ${num(m.fructoseCap)}`);
    }
    if (p.energyKcal > 0) {
      const a = (W.energyPerPct * 100) / p.energyKcal;
      const lo = W.energyPerPct * 100 * (1 - ENERGY_BAND);
      const hi = W.energyPerPct * 100 * (1 + ENERGY_BAND);
      rows.push(` eLo_${d}: ${expr([[1, `e_${d}`], ...scaled(dayEnergy[d]!, a)])} >= ${num(lo)}`);
      rows.push(` eHi_${d}: ${expr([[1, `e_${d}`], ...scaled(dayEnergy[d]!, -a)])} >= ${num(-hi)}`);
      objective.push([1, `e_${d}`]);
      continuous.push(`e_${d}`);
    }
    if (p.proteinG > 0) {
      const a = (W.proteinPerPct * 100) / p.proteinG;
      rows.push(
        ` pLo_${d}: ${expr([[1, `p_${d}`], ...scaled(dayProtein[d]!, a)])} >= ${num(W.proteinPerPct * 100)}`,
      );
      objective.push([1, `p_${d}`]);
      continuous.push(`p_${d}`);
    }
    if (p.fiberG > 0) {
      const a = (W.fiberPerPct * 100) / p.fiberG;
      rows.push(
        ` fLo_${d}: ${expr([[1, `f_${d}`], ...scaled(dayFiber[d]!, a)])} >= ${num(W.fiberPerPct * 100)}`,
      );
      objective.push([1, `f_${d}`]);
      continuous.push(`f_${d}`);
    }
  }

  const bounds = continuous.map((n) =>
    n.startsWith('w_') || n.startsWith('z_') || n.startsWith('u_')
      ? ` 0 <= ${n} <= 1`
      : ` ${n} >= 0`,
  );
  const lp = [
    'Minimize',
    ` obj: ${expr(objective)}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    'Binary',
    ...chunk(binaries, 10).map((names) => ` ${names.join(' ')}`),
    'End',
    '',
  ].join('\n');

  const decode = (
    values: Map<string, number>,
  ): Pick<PlanCells, 'recipe' | 'portion' | 'leftover'> => {
    const cells = {
      recipe: new Int32Array(m.nCells).fill(EMPTY),
      portion: new Uint8Array(m.nCells),
      leftover: new Uint8Array(m.nCells),
    };
    for (const [name, v] of values) {
      if (v < 0.5) continue;
      const match = /^([xy])_(\d+)_(\d+)_(\d+)$/.exec(name);
      if (!match) continue;
      const c = Number(match[2]);
      cells.recipe[c] = Number(match[3]);
      cells.portion[c] = Number(match[4]);
      cells.leftover[c] = match[1] === 'y' ? 1 : 0;
    }
    return cells;
  };

  return {
    lp,
    columns: binaries.length + continuous.length,
    binaries: binaries.length,
    rows: rows.length,
    decode,
  };
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
