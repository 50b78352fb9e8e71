import { budgetExcessPenalty } from './cooking';
import { capExcessPenalty } from './daily-caps';
import { keepsUntil, MAX_FED } from './leftovers';
import type { Model } from './model';
import {
  carbsPenalty,
  energyPenalty,
  energySharePenalty,
  fiberCeilingPenalty,
  fiberPenalty,
  MICRO_MET_TOLERANCE,
  mealSharePenalty,
  micronutrientPenalty,
  proteinPenalty,
  SCORE_WEIGHTS,
} from './score';
import { PROTEIN_LIMIT_WEIGHT, proteinExcessPenalty } from './variety';

const EMPTY = -1;

/**
 * The week under search: one cell per (day, slot) holding a recipe index, a portion index and,
 * for a leftover meal, the cell whose cooking it eats from. Day sums, use counts and ingredient
 * counts are kept up to date so that a move is priced in O(changed cells).
 */
export class PlanState {
  readonly m: Model;
  readonly recipe: Int32Array;
  readonly portion: Uint8Array;
  /** 1 where the cell is a leftover meal (`source` ≥ 0). */
  readonly leftover: Uint8Array;
  /** Per cell, the cooked cell whose batch this leftover meal eats from, or −1. */
  readonly source: Int32Array;
  /**
   * Per cell, the leftover cells its batch feeds, `MAX_FED` slots each, ascending, −1 padded.
   * Clearing a cooked cell keeps its list: the caller re-cooks it or clears the leftovers too.
   */
  private readonly fed: Int32Array;
  /** Cell kept exactly as it is (a lock, or a meal outside a regeneration's scope). */
  readonly locked: Uint8Array;
  /** Recipe kept, portion free: a cooked meal whose leftovers are eaten at a kept meal. */
  readonly pinned: Uint8Array;
  /** Per cell, a recipe to avoid (the one a regeneration replaces), or −1. */
  readonly banned: Int32Array;
  readonly dayE: Float64Array;
  readonly dayP: Float64Array;
  readonly dayF: Float64Array;
  /** Per-person fructose of each day, g (tracked only under a cap; see `daily-caps.ts`). */
  readonly dayFr: Float64Array;
  /** Per-person sodium (mg) and retinol (µg) of each day (tracked only under a cap). */
  readonly dayNa: Float64Array;
  readonly dayRet: Float64Array;
  /** Per-person saturated fat and total fat of each day, g (tracked only when a share is set). */
  readonly daySf: Float64Array;
  readonly dayFat: Float64Array;
  /** Per-person week sums of the profile's micronutrients (`Model.nutrition.microKeys`). */
  readonly weekMicro: Float64Array;
  /** Penalty of the weekly micronutrient shortfalls (see `score.ts`). */
  microPen = 0;
  readonly dayPen: Float64Array;
  /** Per day: cooking sessions, hands-on minutes and their penalty over budget (`cooking.ts`). */
  readonly daySessions: Int32Array;
  readonly dayActive: Float64Array;
  readonly dayBudgetPen: Float64Array;
  /** Per main protein: meals of the week serving it, leftover meals included (`variety.ts`). */
  readonly proteinMeals: Int32Array;
  /** Penalty of the meals over the main-protein limit. */
  proteinPen = 0;
  readonly cellCost: Float64Array;
  readonly uses: Int32Array;
  readonly ingCount: Int32Array;
  distinct = 0;
  /** Per plant kind, cooked recipes using it; `plants` = kinds in use (`variety.ts`). */
  readonly plantCount: Int32Array;
  plants = 0;
  private readonly carbsSpec: { target: number; tolerance: number } | null;
  private readonly snackSpec: { target: number; tolerance: number } | null;
  private readonly fructoseCapOn: boolean;
  private readonly sodiumCapOn: boolean;
  private readonly retinolCapOn: boolean;
  private readonly fiberMax: number;
  private readonly sharesOn: boolean;
  private readonly tE: number;
  private readonly tP: number;
  private readonly tF: number;

  constructor(m: Model) {
    this.m = m;
    const cells = m.nCells;
    this.recipe = new Int32Array(cells).fill(EMPTY);
    this.portion = new Uint8Array(cells);
    this.leftover = new Uint8Array(cells);
    this.source = new Int32Array(cells).fill(EMPTY);
    this.fed = new Int32Array(cells * MAX_FED).fill(EMPTY);
    this.locked = new Uint8Array(cells);
    this.pinned = new Uint8Array(cells);
    this.banned = new Int32Array(cells).fill(EMPTY);
    this.dayE = new Float64Array(7);
    this.dayP = new Float64Array(7);
    this.dayF = new Float64Array(7);
    this.dayFr = new Float64Array(7);
    this.dayNa = new Float64Array(7);
    this.dayRet = new Float64Array(7);
    this.daySf = new Float64Array(7);
    this.dayFat = new Float64Array(7);
    this.weekMicro = new Float64Array(m.nMicro);
    this.shortIdx = new Int32Array(m.nMicro);
    this.shortGap = new Float64Array(m.nMicro);
    this.microCoef = new Float64Array(m.nMicro);
    for (let j = 0; j < m.nMicro; j++) {
      const t = m.nutrition.microTargets[j]!;
      this.shortIdx[j] = j;
      this.shortGap[j] = 7 * t;
      this.microCoef[j] = (SCORE_WEIGHTS.micronutrientPerPct * 100) / (7 * t);
    }
    this.nShort = m.nMicro;
    this.dayPen = new Float64Array(7);
    this.daySessions = new Int32Array(7);
    this.dayActive = new Float64Array(7);
    this.dayBudgetPen = new Float64Array(7);
    this.proteinMeals = new Int32Array(m.proteinNames.length);
    this.cellCost = new Float64Array(cells);
    this.uses = new Int32Array(m.n);
    this.ingCount = new Int32Array(m.ingNdb.length);
    this.plantCount = new Int32Array(m.plantNames.length);
    const p = m.input.profile;
    this.carbsSpec = p.carbsPerMealG;
    this.snackSpec = m.nutrition.snackCarbs;
    this.fructoseCapOn = Number.isFinite(m.fructoseCap);
    this.sodiumCapOn = Number.isFinite(m.nutrition.sodiumCap);
    this.retinolCapOn = Number.isFinite(m.nutrition.retinolCap);
    this.fiberMax = m.nutrition.fiberMaxFactor;
    this.sharesOn = m.nutrition.sharesOn;
    this.tE = p.energyKcal;
    this.tP = p.proteinG;
    this.tF = p.fiberG;
    for (let d = 0; d < 7; d++) this.dayPen[d] = this.dayPenalty(0, 0, 0, 0, 0, 0, 0, 0);
    this.microPen = this.microPenalty();
  }

  /**
   * A day's penalty from its per-person sums: energy, protein, fibre (floor and ceiling), the
   * energy shares, and the caps (fructose, sodium, retinol), which only cost above the cap.
   */
  dayPenalty(
    e: number,
    p: number,
    f: number,
    fr: number,
    na: number,
    ret: number,
    sf: number,
    fat: number,
  ): number {
    let pen = energyPenalty(e, this.tE) + proteinPenalty(p, this.tP) + fiberPenalty(f, this.tF);
    if (this.fructoseCapOn) pen += capExcessPenalty(fr, this.m.fructoseCap);
    if (this.sodiumCapOn) pen += capExcessPenalty(na, this.m.nutrition.sodiumCap);
    if (this.retinolCapOn) pen += capExcessPenalty(ret, this.m.nutrition.retinolCap);
    if (this.fiberMax > 0) pen += fiberCeilingPenalty(f, this.tF, this.fiberMax);
    if (this.sharesOn) pen += energySharePenalty(e, p, sf, fat, this.tE, this.m.nutrition.shares);
    return pen;
  }

  /**
   * Penalty of day `d` with recipe `r` added at portion factor `f` and, when `exR` ≥ 0, recipe
   * `exR` at factor `exF` taken out: what a move would make of the day.
   */
  dayPenaltyWith(d: number, r: number, f: number, exR = EMPTY, exF = 0): number {
    const m = this.m;
    const x = exR === EMPTY ? 0 : exF;
    const q = exR === EMPTY ? 0 : exR;
    return this.dayPenalty(
      this.dayE[d]! + f * m.energy[r]! - x * m.energy[q]!,
      this.dayP[d]! + f * m.protein[r]! - x * m.protein[q]!,
      this.dayF[d]! + f * m.fiber[r]! - x * m.fiber[q]!,
      this.dayFr[d]! + f * m.fructose[r]! - x * m.fructose[q]!,
      this.dayNa[d]! + f * m.sodium[r]! - x * m.sodium[q]!,
      this.dayRet[d]! + f * m.retinol[r]! - x * m.retinol[q]!,
      this.daySf[d]! + f * m.satFat[r]! - x * m.satFat[q]!,
      this.dayFat[d]! + f * m.fat[r]! - x * m.fat[q]!,
    );
  }

  private recomputeDay(d: number): void {
    this.dayPen[d] = this.dayPenalty(
      this.dayE[d]!,
      this.dayP[d]!,
      this.dayF[d]!,
      this.dayFr[d]!,
      this.dayNa[d]!,
      this.dayRet[d]!,
      this.daySf[d]!,
      this.dayFat[d]!,
    );
  }

  /** Penalty of the week's micronutrient shortfalls as the state stands. */
  microPenalty(): number {
    const targets = this.m.nutrition.microTargets;
    let pen = 0;
    for (let j = 0; j < targets.length; j++) {
      pen += micronutrientPenalty(this.weekMicro[j]!, targets[j]!);
    }
    return pen;
  }

  /**
   * Change of the micronutrient penalty if recipe `r` were added at factor `f` > 0. Only the
   * nutrients still short can change (amounts are never negative), so once a week covers most
   * targets this costs a few steps, not one per tracked nutrient.
   */
  microDelta(r: number, f: number): number {
    const n = this.nShort;
    if (n === 0) return 0;
    const m = this.m;
    const base = r * m.nMicro;
    let delta = 0;
    // pen_j = c_j · max(0, G_j − added) + wX·[G_j − added > tol], G_j = 7·T_j − week sum > 0:
    // the change is −c_j·min(added, G_j), and −wX once the addition closes the gap
    for (let i = 0; i < n; i++) {
      const j = this.shortIdx[i]!;
      const x = m.micro[base + j]!;
      if (x <= 0) continue;
      const added = f * x;
      const gap = this.shortGap[j]!;
      if (added >= gap - MICRO_MET_TOLERANCE) {
        delta -= this.microCoef[j]! * gap + SCORE_WEIGHTS.micronutrientMissed;
      } else {
        delta -= this.microCoef[j]! * added;
      }
    }
    return delta;
  }

  /**
   * Whether recipe `r` at factor `f` would close a micronutrient's gap: the step of a target met
   * makes the cost jump there, so a portion search cannot rely on convexity.
   */
  closesMicroGap(r: number, f: number): boolean {
    const m = this.m;
    const base = r * m.nMicro;
    for (let i = 0; i < this.nShort; i++) {
      const j = this.shortIdx[i]!;
      if (f * m.micro[base + j]! >= this.shortGap[j]! - MICRO_MET_TOLERANCE) return true;
    }
    return false;
  }

  /** Indices of micronutrients whose week sum is below 7 × target (first `nShort` entries). */
  private readonly shortIdx: Int32Array;
  private nShort = 0;
  /** Per micronutrient: 7 × target − week sum (meaningful while short). */
  private readonly shortGap: Float64Array;
  /** Per micronutrient: penalty per unit of weekly shortfall, wM · 100 / (7 · target). */
  private readonly microCoef: Float64Array;

  private addMicro(r: number, f: number): void {
    const m = this.m;
    const k = m.nMicro;
    if (k === 0) return;
    const targets = m.nutrition.microTargets;
    let pen = 0;
    let n = 0;
    for (let j = 0; j < k; j++) {
      const w = this.weekMicro[j]! + f * m.micro[r * k + j]!;
      this.weekMicro[j] = w;
      const p = micronutrientPenalty(w, targets[j]!);
      pen += p;
      if (p > 0) {
        this.shortIdx[n++] = j;
        this.shortGap[j] = 7 * targets[j]! - w;
      }
    }
    this.nShort = n;
    this.microPen = pen;
  }

  /**
   * The part of the total that prices hard rules broken: days over a cap or over the cooking
   * budget, meals over the main-protein limit (0 for a week that keeps every hard rule).
   */
  hardPenalty(): number {
    const m = this.m;
    let pen = 0;
    for (let d = 0; d < 7; d++) {
      pen +=
        capExcessPenalty(this.dayFr[d]!, m.fructoseCap) +
        capExcessPenalty(this.dayNa[d]!, m.nutrition.sodiumCap) +
        capExcessPenalty(this.dayRet[d]!, m.nutrition.retinolCap) +
        this.dayBudgetPen[d]!;
    }
    return pen + this.proteinPen;
  }

  /**
   * Change of the main-protein penalty if `meals` more meals of recipe `r` were served (a batch
   * feeding leftover meals serves them all).
   */
  proteinAddCost(r: number, meals: number): number {
    const p = this.m.proteinOf[r]!;
    if (p < 0 || !this.m.proteinOn) return 0;
    const max = this.m.maxProteinMeals;
    const now = this.proteinMeals[p]!;
    return proteinExcessPenalty(now + meals, max) - proteinExcessPenalty(now, max);
  }

  /** Main proteins served at more meals than the limit (a hard rule: never returned). */
  proteinsOver(): number[] {
    const out: number[] = [];
    for (let p = 0; p < this.proteinMeals.length; p++) {
      if (this.proteinMeals[p]! > this.m.maxProteinMeals) out.push(p);
    }
    return out;
  }

  private serveProtein(r: number, sign: 1 | -1): void {
    const p = this.m.proteinOf[r]!;
    if (p < 0) return;
    const before = this.proteinMeals[p]!;
    this.proteinMeals[p] = before + sign;
    if (!this.m.proteinOn) return;
    // the penalty moves by one weight whenever the count crosses above the limit
    const max = this.m.maxProteinMeals;
    if (sign > 0 && before + 1 > max) this.proteinPen += PROTEIN_LIMIT_WEIGHT;
    if (sign < 0 && before > max) this.proteinPen -= PROTEIN_LIMIT_WEIGHT;
  }

  /** Penalty of day `d` with these sessions and hands-on minutes (0 within its budget). */
  budgetPenalty(d: number, sessions: number, minutes: number): number {
    const m = this.m;
    if (!m.budgetOn) return 0;
    return budgetExcessPenalty(sessions, minutes, m.sessionBudget[d]!, m.minuteBudget[d]!);
  }

  /**
   * Change of the budget penalty if recipe `r` were cooked on day `d` and, when `exR` ≥ 0, a
   * cooking of `exR` taken out of it.
   */
  budgetAddCost(d: number, r: number, exR = EMPTY): number {
    const m = this.m;
    if (!m.budgetOn) return 0;
    const s = m.session[r]! - (exR === EMPTY ? 0 : m.session[exR]!);
    const a = m.active[r]! - (exR === EMPTY ? 0 : m.active[exR]!);
    return (
      this.budgetPenalty(d, this.daySessions[d]! + s, this.dayActive[d]! + a) -
      this.dayBudgetPen[d]!
    );
  }

  /** Whether day `d` is over its cooking budget (a hard rule: such a plan is never returned). */
  isOverBudget(d: number): boolean {
    const o = this.budgetOver(d);
    return o.sessions || o.activeMinutes;
  }

  /**
   * Whether the week keeps every hard rule the search only prices (the daily caps, the cooking
   * budget, the main-protein limit); the others hold by construction.
   */
  keepsHardRules(): boolean {
    for (let d = 0; d < 7; d++) if (this.isOverCap(d) || this.isOverBudget(d)) return false;
    return this.proteinsOver().length === 0;
  }

  /** Which parts of day `d`'s cooking budget it is over. */
  budgetOver(d: number): { sessions: boolean; activeMinutes: boolean } {
    const m = this.m;
    return {
      sessions: this.daySessions[d]! > m.sessionBudget[d]!,
      activeMinutes: this.dayActive[d]! > m.minuteBudget[d]! + 1e-9,
    };
  }

  private cookOnDay(d: number, r: number, sign: 1 | -1): void {
    const m = this.m;
    this.daySessions[d] = this.daySessions[d]! + sign * m.session[r]!;
    this.dayActive[d] = this.dayActive[d]! + sign * m.active[r]!;
    this.dayBudgetPen[d] = this.budgetPenalty(d, this.daySessions[d]!, this.dayActive[d]!);
  }

  /** Whether a day is over a daily cap (a hard rule: such a plan is never returned). */
  isOverCap(day: number): boolean {
    const over = this.capsOver(day);
    return over.fructoseG || over.sodiumMg || over.retinolUg;
  }

  /** Which daily caps a day is over (what `isOverCap` sums up; swap reports count them). */
  capsOver(day: number): { fructoseG: boolean; sodiumMg: boolean; retinolUg: boolean } {
    const n = this.m.nutrition;
    return {
      fructoseG: this.dayFr[day]! > this.m.fructoseCap + 1e-9,
      sodiumMg: this.dayNa[day]! > n.sodiumCap + 1e-9,
      retinolUg: this.dayRet[day]! > n.retinolCap + 1e-9,
    };
  }

  /**
   * Penalty of one meal on its own: inflammation, its energy against its slot's share of the day,
   * plus carbs for a main meal or a snack.
   */
  mealCost(r: number, cell: number, factor: number): number {
    const m = this.m;
    const slot = cell % m.nSlots;
    let cost = m.inflCost[r]!;
    if (m.slotShare !== null) {
      cost += mealSharePenalty(factor * m.energy[r]!, m.slotShare[slot]!, this.tE);
    }
    const spec = m.isMainSlot[slot] ? this.carbsSpec : this.snackSpec;
    if (spec === null) return cost;
    return cost + carbsPenalty(factor * m.carbs[r]!, spec);
  }

  total(): number {
    let t =
      SCORE_WEIGHTS.ingredient * this.distinct -
      SCORE_WEIGHTS.plant * this.plants +
      this.microPen +
      this.proteinPen;
    for (let d = 0; d < 7; d++) t += this.dayPen[d]! + this.dayBudgetPen[d]!;
    for (let c = 0; c < this.m.nCells; c++) t += this.cellCost[c]!;
    return t;
  }

  dayOf(cell: number): number {
    return Math.floor(cell / this.m.nSlots);
  }

  /** How many leftover meals the batch cooked at `cell` feeds. */
  fedCount(cell: number): number {
    const base = cell * MAX_FED;
    let n = 0;
    while (n < MAX_FED && this.fed[base + n] !== EMPTY) n++;
    return n;
  }

  /** The leftover cells the batch cooked at `cell` feeds, in week order. */
  fedCells(cell: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < MAX_FED; i++) {
      const c = this.fed[cell * MAX_FED + i]!;
      if (c !== EMPTY) out.push(c);
    }
    return out;
  }

  private linkFed(src: number, cell: number): void {
    const base = src * MAX_FED;
    let i = this.fedCount(src);
    if (i >= MAX_FED) throw new Error(`cell ${src} already feeds ${MAX_FED} meals`);
    // insertion keeps the list in week order: a batch's meals are numbered by it
    while (i > 0 && this.fed[base + i - 1]! > cell) {
      this.fed[base + i] = this.fed[base + i - 1]!;
      i--;
    }
    this.fed[base + i] = cell;
  }

  private unlinkFed(src: number, cell: number): void {
    const base = src * MAX_FED;
    let j = 0;
    for (let i = 0; i < MAX_FED; i++) {
      const c = this.fed[base + i]!;
      if (c !== cell) this.fed[base + j++] = c;
    }
    while (j < MAX_FED) this.fed[base + j++] = EMPTY;
  }

  /** The dinner cell of the day before `cell`'s when `cell` is a lunch, or −1. */
  previousDinner(cell: number): number {
    const m = this.m;
    if (m.dinner < 0 || cell % m.nSlots !== m.lunch) return EMPTY;
    const day = this.dayOf(cell);
    return day === 0 ? EMPTY : (day - 1) * m.nSlots + m.dinner;
  }

  /**
   * Whether `cell` (empty, or holding anything) may be a leftover meal of recipe `r` eaten from
   * the batch cooked at `src`: both are lunches or dinners, `src` is freshly cooked with `r` on
   * an earlier day the dish still keeps, its batch feeds fewer than `MAX_FED` other meals, and
   * `r` is served at no other meal of `cell`'s day.
   */
  canFeed(src: number, r: number, cell: number): boolean {
    const m = this.m;
    if (!m.isBatchSlot[src % m.nSlots] || !m.isBatchSlot[cell % m.nSlots]) return false;
    if (this.recipe[src] !== r || this.source[src] !== EMPTY) return false;
    const d = this.dayOf(cell);
    if (!keepsUntil(m, r, this.dayOf(src), d)) return false;
    if (this.source[cell] !== src && this.fedCount(src) >= MAX_FED) return false;
    return !this.appearsOnDay(r, d, cell);
  }

  /**
   * Whether `r` is in another cell of `day`, cooked or eaten as leftovers: a recipe is served
   * at most once a day: a leftover meal of `r` rules out cooking `r` at another meal that day.
   */
  appearsOnDay(r: number, day: number, exceptCell: number): boolean {
    const base = day * this.m.nSlots;
    for (let s = 0; s < this.m.nSlots; s++) {
      const c = base + s;
      if (c !== exceptCell && this.recipe[c] === r) return true;
    }
    return false;
  }

  clear(cell: number): void {
    const r = this.recipe[cell]!;
    if (r === EMPTY) return;
    const m = this.m;
    const f = m.portions[this.portion[cell]!]!;
    const d = this.dayOf(cell);
    this.dayE[d] = this.dayE[d]! - f * m.energy[r]!;
    this.dayP[d] = this.dayP[d]! - f * m.protein[r]!;
    this.dayF[d] = this.dayF[d]! - f * m.fiber[r]!;
    this.dayFr[d] = this.dayFr[d]! - f * m.fructose[r]!;
    this.dayNa[d] = this.dayNa[d]! - f * m.sodium[r]!;
    this.dayRet[d] = this.dayRet[d]! - f * m.retinol[r]!;
    this.daySf[d] = this.daySf[d]! - f * m.satFat[r]!;
    this.dayFat[d] = this.dayFat[d]! - f * m.fat[r]!;
    this.recomputeDay(d);
    this.addMicro(r, -f);
    this.cellCost[cell] = 0;
    this.serveProtein(r, -1);
    const src = this.source[cell]!;
    if (src === EMPTY) {
      this.removeUse(r);
      this.cookOnDay(d, r, -1);
    } else {
      this.unlinkFed(src, cell);
    }
    this.recipe[cell] = EMPTY;
    this.leftover[cell] = 0;
    this.source[cell] = EMPTY;
  }

  /**
   * Puts recipe `r` at portion index `k` into `cell`: freshly cooked, or, when `src` ≥ 0, a
   * leftover meal of the batch cooked at `src` (the caller checks `canFeed`).
   */
  place(cell: number, r: number, k: number, src: number = EMPTY): void {
    if (this.recipe[cell] !== EMPTY) this.clear(cell);
    const m = this.m;
    const f = m.portions[k]!;
    const d = this.dayOf(cell);
    const isLeftover = src !== EMPTY;
    this.recipe[cell] = r;
    this.portion[cell] = k;
    this.leftover[cell] = isLeftover ? 1 : 0;
    this.source[cell] = src;
    if (isLeftover) this.linkFed(src, cell);
    this.dayE[d] = this.dayE[d]! + f * m.energy[r]!;
    this.dayP[d] = this.dayP[d]! + f * m.protein[r]!;
    this.dayF[d] = this.dayF[d]! + f * m.fiber[r]!;
    this.dayFr[d] = this.dayFr[d]! + f * m.fructose[r]!;
    this.dayNa[d] = this.dayNa[d]! + f * m.sodium[r]!;
    this.dayRet[d] = this.dayRet[d]! + f * m.retinol[r]!;
    this.daySf[d] = this.daySf[d]! + f * m.satFat[r]!;
    this.dayFat[d] = this.dayFat[d]! + f * m.fat[r]!;
    this.recomputeDay(d);
    this.addMicro(r, f);
    this.cellCost[cell] = this.mealCost(r, cell, f);
    this.serveProtein(r, 1);
    if (!isLeftover) {
      this.addUse(r);
      this.cookOnDay(d, r, 1);
    }
  }

  private removeUse(r: number): void {
    const u = this.uses[r]! - 1;
    this.uses[r] = u;
    if (u === 0) {
      const m = this.m;
      this.distinct -= bump(this.ingCount, m.ingIds, m.ingStart[r]!, m.ingStart[r + 1]!, -1);
      this.plants -= bump(this.plantCount, m.plantIds, m.plantStart[r]!, m.plantStart[r + 1]!, -1);
    }
  }

  private addUse(r: number): void {
    const u = this.uses[r]!;
    this.uses[r] = u + 1;
    if (u === 0) {
      const m = this.m;
      this.distinct += bump(this.ingCount, m.ingIds, m.ingStart[r]!, m.ingStart[r + 1]!, 1);
      this.plants += bump(this.plantCount, m.plantIds, m.plantStart[r]!, m.plantStart[r + 1]!, 1);
    }
  }

  /** Whether the week has room for one more fresh meal of `r` (`maxUses`, variety.ts). */
  canCook(r: number): boolean {
    return this.uses[r]! < this.m.maxUses[r]!;
  }

  /** Plant kinds of `r` that nothing cooked uses yet. */
  newPlants(r: number): number {
    const m = this.m;
    return unused(this.plantCount, m.plantIds, m.plantStart[r]!, m.plantStart[r + 1]!);
  }

  /** Ingredient foods of `r` that nothing cooked uses yet. */
  newIngredients(r: number): number {
    const m = this.m;
    return unused(this.ingCount, m.ingIds, m.ingStart[r]!, m.ingStart[r + 1]!);
  }

  /**
   * Penalty added by cooking `r` on top of the current week: its new foods to buy, less the
   * reward for its new plants. A second cooking of a recipe is never a move (a hard rule), so it
   * is not priced.
   */
  globalAddCost(r: number): number {
    if (this.uses[r]! >= 1) return 0;
    return (
      SCORE_WEIGHTS.ingredient * this.newIngredients(r) - SCORE_WEIGHTS.plant * this.newPlants(r)
    );
  }

  isFull(): boolean {
    for (let c = 0; c < this.m.nCells; c++) if (this.recipe[c] === EMPTY) return false;
    return true;
  }

  snapshot(): Snapshot {
    return {
      recipe: this.recipe.slice(),
      portion: this.portion.slice(),
      source: this.source.slice(),
    };
  }

  restore(s: Snapshot): void {
    // Leftovers last: their recipe's use is counted by the cooking meal.
    for (let c = 0; c < this.m.nCells; c++) this.clear(c);
    for (let pass = 0; pass < 2; pass++) {
      for (let c = 0; c < this.m.nCells; c++) {
        const r = s.recipe[c]!;
        const src = s.source[c]!;
        if (r === EMPTY || (src !== EMPTY) !== (pass === 1)) continue;
        this.place(c, r, s.portion[c]!, src);
      }
    }
  }
}

/**
 * Adds `delta` to the counts of `ids[start..end)`; returns how many of them went from 0 to 1
 * (adding) or from 1 to 0 (taking away): the change in distinct ids in use.
 */
function bump(
  counts: Int32Array,
  ids: Int32Array,
  start: number,
  end: number,
  delta: 1 | -1,
): number {
  let changed = 0;
  for (let i = start; i < end; i++) {
    const id = ids[i]!;
    const before = counts[id]!;
    counts[id] = before + delta;
    if (before === (delta > 0 ? 0 : 1)) changed++;
  }
  return changed;
}

/** How many of `ids[start..end)` have a count of 0. */
function unused(counts: Int32Array, ids: Int32Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (counts[ids[i]!] === 0) n++;
  return n;
}

/** A week's cells: recipe, portion index and, for a leftover meal, its batch's cell (else −1). */
export type Snapshot = { recipe: Int32Array; portion: Uint8Array; source: Int32Array };

export { EMPTY };
