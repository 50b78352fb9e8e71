import { keepsUntil } from './leftovers';
import { fitPortion, fitsDay, isReady, type Model, portionOk } from './model';
import type { Rng } from './rng';
import { EMPTY, type PlanState } from './state';

/** Improvements smaller than this are noise from floating-point sums. */
const EPS = 1e-9;

/**
 * Candidates examined per move. Big catalogs have hundreds of near-equivalent recipes per cell;
 * a random window of this many keeps a move O(1) in catalog size, and the many rounds of the
 * search still see the whole list.
 */
export const MAX_SCAN = 320;

/** First index and count of the candidates a move examines (all of them when `rng` is absent). */
function scanWindow(length: number, rng: Rng | undefined): [number, number] {
  if (!rng || length <= MAX_SCAN) return [0, length];
  return [rng.int(length), MAX_SCAN];
}

type Best = { cost: number; r: number; k: number; k2: number; asLeftover: boolean };

/**
 * The portion index `bestPortion` chose, read right after the call: returning a fresh object
 * per priced candidate was most of the search's garbage.
 */
let foundPortion = 0;

/** The day's sums without the cell being priced (see `bestPortion`); reused, never shared. */
const DAY_BASE = new Float64Array(8);

/** Cost of recipe `r` at factor `f` in `cell`, on top of the day sums in `DAY_BASE`. */
function portionCost(st: PlanState, r: number, cell: number, f: number, micro: boolean): number {
  const m = st.m;
  const b = DAY_BASE;
  const c =
    st.dayPenalty(
      b[0]! + f * m.energy[r]!,
      b[1]! + f * m.protein[r]!,
      b[2]! + f * m.fiber[r]!,
      b[3]! + f * m.fructose[r]!,
      b[4]! + f * m.sodium[r]!,
      b[5]! + f * m.retinol[r]!,
      b[6]! + f * m.satFat[r]!,
      b[7]! + f * m.fat[r]!,
    ) + st.mealCost(r, cell, f);
  return micro ? c + st.microDelta(r, f) : c;
}

/**
 * Best portion of recipe `r` in `cell` on day `d`, given the day's sums without the cell (with
 * `exR` at factor `exF` taken out as well when `exR` ≥ 0). The cost is the day's penalty, the
 * meal's own cost and, unless `withMicro` is false, the change of the weekly micronutrient
 * penalty; callers that move two meals at once check the plan's total before keeping a move.
 *
 * Every term is a convex function of the portion factor f (a max of linear pieces; the
 * micronutrient change is −Σ c·min(f·x, gap)), so the cost over the ascending portions is
 * discretely convex and a descent from f = 1 finds the minimum after about three portions
 * instead of all of them. The one exception, a portion that meets a micronutrient target (a
 * step down in cost), is priced at every portion. The allowed portions are a prefix (f ≤ the recipe's max portion). Ties
 * go to the smaller portion, as a scan from the smallest would.
 */
function bestPortion(
  st: PlanState,
  r: number,
  cell: number,
  d: number,
  exR = EMPTY,
  exF = 0,
  withMicro = true,
): number {
  const m = st.m;
  let kMax = m.portions.length - 1;
  while (kMax >= 0 && !portionOk(m, r, kMax)) kMax--;
  if (kMax < 0) {
    foundPortion = 0;
    return Number.POSITIVE_INFINITY;
  }
  const micro = withMicro && m.nMicro > 0;
  // The day without the cell (and without `exR`), read once; each portion adds f × the recipe.
  const x = exR === EMPTY ? 0 : exF;
  const q = exR === EMPTY ? 0 : exR;
  const b = DAY_BASE;
  b[0] = st.dayE[d]! - x * m.energy[q]!;
  b[1] = st.dayP[d]! - x * m.protein[q]!;
  b[2] = st.dayF[d]! - x * m.fiber[q]!;
  b[3] = st.dayFr[d]! - x * m.fructose[q]!;
  b[4] = st.dayNa[d]! - x * m.sodium[q]!;
  b[5] = st.dayRet[d]! - x * m.retinol[q]!;
  b[6] = st.daySf[d]! - x * m.satFat[q]!;
  b[7] = st.dayFat[d]! - x * m.fat[q]!;
  if (micro && st.closesMicroGap(r, m.portions[kMax]!)) {
    // a portion that meets a target drops the cost by a step: not convex, so price them all
    let best = Number.POSITIVE_INFINITY;
    let bestK = 0;
    for (let j = 0; j <= kMax; j++) {
      const c = portionCost(st, r, cell, m.portions[j]!, micro);
      if (c < best - EPS) {
        best = c;
        bestK = j;
      }
    }
    foundPortion = bestK;
    return best;
  }
  let k = Math.min(m.unitPortion, kMax);
  let cost = portionCost(st, r, cell, m.portions[k]!, micro);
  if (k < kMax) {
    const up = portionCost(st, r, cell, m.portions[k + 1]!, micro);
    if (up < cost - EPS) {
      k++;
      cost = up;
      while (k < kMax) {
        const next = portionCost(st, r, cell, m.portions[k + 1]!, micro);
        if (!(next < cost - EPS)) break;
        k++;
        cost = next;
      }
      foundPortion = k;
      return cost;
    }
  }
  while (k > 0) {
    const down = portionCost(st, r, cell, m.portions[k - 1]!, micro);
    if (!(down <= cost + EPS)) break;
    k--;
    cost = down;
  }
  foundPortion = k;
  return cost;
}

/**
 * Best change of one cell: another recipe and portion (a cooked meal that feeds leftover meals
 * takes them along, so only recipes that keep until their days qualify), or, for a lunch or
 * dinner that feeds nothing, becoming a leftover meal of an earlier batch with room for it.
 * Applies it when it lowers the penalty.
 */
export function improveCell(st: PlanState, cell: number, rng?: Rng): boolean {
  if (st.locked[cell]) return false;
  const m = st.m;
  const before = st.total();
  const d = st.dayOf(cell);
  const cur = st.recipe[cell]!;
  const curK = st.portion[cell]!;
  const curSrc = st.source[cell]!;
  const fed = st.fedCells(cell);
  const fedK = fed.map((c) => st.portion[c]!);
  for (const c of fed) st.clear(c);
  st.clear(cell);
  const base = st.total();
  const best: Best = { cost: Number.POSITIVE_INFINITY, r: EMPTY, k: 0, k2: 0, asLeftover: false };
  let bestSrc = EMPTY;
  const bestFedK = fedK.slice();
  const fedKNow = fedK.slice();
  const pen0 = st.dayPen[d]!;
  const pinned = st.pinned[cell] === 1;
  const candidates = pinned ? [cur] : m.cellCandidates[cell]!;
  const banned = pinned ? EMPTY : st.banned[cell]!;

  const [start, count] = scanWindow(candidates.length, rng);
  scan: for (let j = 0; j < count; j++) {
    const r = candidates[(start + j) % candidates.length]!;
    if (r === banned || !st.canCook(r)) continue;
    if (st.appearsOnDay(r, d, cell)) continue;
    for (const c of fed) {
      if (!keepsUntil(m, r, d, st.dayOf(c)) || st.appearsOnDay(r, st.dayOf(c), c)) continue scan;
    }
    const ownCost = bestPortion(st, r, cell, d);
    const ownK = foundPortion;
    let cost =
      base +
      st.globalAddCost(r) +
      st.budgetAddCost(d, r) +
      st.proteinAddCost(r, 1 + fed.length) +
      ownCost -
      pen0;
    for (let i = 0; i < fed.length; i++) {
      const c = fed[i]!;
      const dc = st.dayOf(c);
      const pen = st.dayPen[dc]!;
      if (!st.locked[c]) {
        cost += bestPortion(st, r, c, dc) - pen;
        fedKNow[i] = foundPortion;
      } else {
        // a kept leftover meal keeps its portion, so the new recipe must be green at it
        if (!portionOk(m, r, fedK[i]!)) continue scan;
        const f = m.portions[fedK[i]!]!;
        cost += st.dayPenaltyWith(dc, r, f) + st.mealCost(r, c, f) + st.microDelta(r, f) - pen;
        fedKNow[i] = fedK[i]!;
      }
    }
    if (cost < best.cost - EPS) {
      best.cost = cost;
      best.r = r;
      best.k = ownK;
      best.asLeftover = false;
      for (let i = 0; i < fed.length; i++) bestFedK[i] = fedKNow[i]!;
    }
  }

  // a batch's meals are cooked once: a meal feeding others cannot itself be a leftover
  if (m.leftoversOn && fed.length === 0 && !pinned && m.isBatchSlot[cell % m.nSlots]) {
    for (let src = 0; src < d * m.nSlots; src++) {
      const rd = st.recipe[src]!;
      if (rd === EMPTY || !st.canFeed(src, rd, cell)) continue;
      const cost = base + st.proteinAddCost(rd, 1) + bestPortion(st, rd, cell, d) - pen0;
      const ownK = foundPortion;
      if (cost < best.cost - EPS) {
        best.cost = cost;
        best.r = rd;
        best.k = ownK;
        best.asLeftover = true;
        bestSrc = src;
      }
    }
  }

  if (best.r !== EMPTY && best.cost < before - EPS) {
    st.place(cell, best.r, best.k, best.asLeftover ? bestSrc : EMPTY);
    for (let i = 0; i < fed.length; i++) st.place(fed[i]!, best.r, bestFedK[i]!, cell);
    // Several meals' micronutrients are priced one at a time above: keep the move only if it pays.
    if (fed.length === 0 || st.total() < before - EPS) return true;
    for (const c of fed) st.clear(c);
    st.clear(cell);
  }
  if (cur !== EMPTY) st.place(cell, cur, curK, curSrc);
  for (let i = 0; i < fed.length; i++) st.place(fed[i]!, cur, fedK[i]!, cell);
  return false;
}

/**
 * Earlier lunches and dinners that could cook a new batch for `cell`'s meal: free, freshly
 * cooked or empty, feeding nothing.
 */
function pairSources(st: PlanState, cell: number): number[] {
  const m = st.m;
  const out: number[] = [];
  for (let c = 0; c < st.dayOf(cell) * m.nSlots; c++) {
    if (!m.isBatchSlot[c % m.nSlots] || st.locked[c] || st.pinned[c]) continue;
    if (st.source[c] === EMPTY && st.fedCount(c) === 0) out.push(c);
  }
  return out;
}

/**
 * Cook a keeping recipe at an earlier lunch or dinner and eat it again at this meal: one move
 * over two cells, so that leftovers can appear even when neither half improves the plan on its
 * own. The batch's cell is a random earlier one (yesterday's dinner, or the latest candidate,
 * without `rng`); a third meal joins an existing batch through `improveCell`.
 */
export function improveLeftoverPair(st: PlanState, cell: number, rng?: Rng): boolean {
  const m = st.m;
  if (!m.leftoversOn || !m.isBatchSlot[cell % m.nSlots]) return false;
  if (st.locked[cell] || st.pinned[cell] || st.leftover[cell] || st.fedCount(cell) > 0) {
    return false;
  }
  const sources = pairSources(st, cell);
  if (sources.length === 0) return false;
  const prev = st.previousDinner(cell);
  const srcCell = rng
    ? sources[rng.int(sources.length)]!
    : sources.includes(prev)
      ? prev
      : sources[sources.length - 1]!;
  const before = st.total();
  const rS = st.recipe[srcCell]!;
  const kS = st.portion[srcCell]!;
  const rL = st.recipe[cell]!;
  const kL = st.portion[cell]!;
  st.clear(cell);
  st.clear(srcCell);
  const base = st.total();
  const dS = st.dayOf(srcCell);
  const dL = st.dayOf(cell);
  const penS = st.dayPen[dS]!;
  const penL = st.dayPen[dL]!;
  const candidates = m.cellCandidates[srcCell]!;
  const banned = st.banned[srcCell]!;
  const best: Best = { cost: Number.POSITIVE_INFINITY, r: EMPTY, k: 0, k2: 0, asLeftover: true };
  const [start, count] = scanWindow(candidates.length, rng);
  for (let j = 0; j < count; j++) {
    const r = candidates[(start + j) % candidates.length]!;
    if (!keepsUntil(m, r, dS, dL) || r === banned || !st.canCook(r)) continue;
    if (st.appearsOnDay(r, dS, srcCell) || st.appearsOnDay(r, dL, cell)) continue;
    const aCost = bestPortion(st, r, srcCell, dS);
    const aK = foundPortion;
    const bCost = bestPortion(st, r, cell, dL);
    const cost =
      base +
      st.globalAddCost(r) +
      st.budgetAddCost(dS, r) +
      st.proteinAddCost(r, 2) +
      aCost -
      penS +
      bCost -
      penL;
    if (cost < best.cost - EPS) {
      best.cost = cost;
      best.r = r;
      best.k = aK;
      best.k2 = foundPortion;
    }
  }
  if (best.r !== EMPTY && best.cost < before - EPS) {
    st.place(srcCell, best.r, best.k);
    st.place(cell, best.r, best.k2, srcCell);
    if (st.total() < before - EPS) return true;
    st.clear(cell);
    st.clear(srcCell);
  }
  if (rS !== EMPTY) st.place(srcCell, rS, kS);
  if (rL !== EMPTY) st.place(cell, rL, kL);
  return false;
}

function isSwappable(st: PlanState, cell: number): boolean {
  return (
    !st.locked[cell] &&
    !st.pinned[cell] &&
    !st.leftover[cell] &&
    st.recipe[cell] !== EMPTY &&
    st.fedCount(cell) === 0
  );
}

/**
 * Exchange the meals of one slot on two days (portions re-chosen), for pairs touching a day in
 * `days`: fixes days that are too rich or too lean without touching the week's recipes or
 * shopping. Returns the days that changed.
 */
export function improveSwaps(st: PlanState, days: number): number {
  const m = st.m;
  let changed = 0;
  for (let s = 0; s < m.nSlots; s++) {
    for (let d1 = 0; d1 < 7; d1++) {
      const c1 = d1 * m.nSlots + s;
      if (!isSwappable(st, c1)) continue;
      for (let d2 = d1 + 1; d2 < 7; d2++) {
        if (!((days >> d1) & 1) && !((days >> d2) & 1)) continue;
        const c2 = d2 * m.nSlots + s;
        if (!isSwappable(st, c2)) continue;
        const r1 = st.recipe[c1]!;
        const r2 = st.recipe[c2]!;
        if (r1 === r2) continue;
        if (!fitsDay(m, r1, d2) || !fitsDay(m, r2, d1)) continue;
        if (!isReady(m, r1, d2, s) || !isReady(m, r2, d1, s)) continue;
        if (st.banned[c1] === r2 || st.banned[c2] === r1) continue;
        if (st.appearsOnDay(r2, d1, c1) || st.appearsOnDay(r1, d2, c2)) continue;
        const f1 = m.portions[st.portion[c1]!]!;
        const f2 = m.portions[st.portion[c2]!]!;
        const now = st.dayPen[d1]! + st.dayPen[d2]! + st.cellCost[c1]! + st.cellCost[c2]!;
        // the week's micronutrients only change with the portions: checked on the total below
        const aCost = bestPortion(st, r2, c1, d1, r1, f1, false);
        const aK = foundPortion;
        const bCost = bestPortion(st, r1, c2, d2, r2, f2, false);
        const bK = foundPortion;
        const budget = st.budgetAddCost(d1, r2, r1) + st.budgetAddCost(d2, r1, r2);
        if (aCost + bCost + budget < now - EPS) {
          const before = m.nMicro > 0 ? st.total() : 0;
          const k1 = st.portion[c1]!;
          const k2 = st.portion[c2]!;
          st.clear(c1);
          st.clear(c2);
          st.place(c1, r2, aK);
          st.place(c2, r1, bK);
          if (m.nMicro > 0 && st.total() >= before - EPS) {
            st.clear(c1);
            st.clear(c2);
            st.place(c1, r1, k1);
            st.place(c2, r2, k2);
            continue;
          }
          changed |= around(st, d1) | around(st, d2);
        }
      }
    }
  }
  return changed;
}

function shuffle(list: number[], rng: Rng): number[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = list[i]!;
    list[i] = list[j]!;
    list[j] = t;
  }
  return list;
}

function shuffledCells(st: PlanState, rng: Rng): number[] {
  return shuffle(
    Array.from({ length: st.m.nCells }, (_, i) => i),
    rng,
  );
}

const ALL_DAYS = 0x7f;

/**
 * Days whose best moves a change at `day` can alter: the day, and its neighbours via leftovers.
 * A batch may feed a meal days later; such far moves are found by the final full descent and the
 * kicks, not revisited after every change (that would make each pass a full week's).
 */
function around(st: PlanState, day: number): number {
  return st.m.leftoversOn ? ((0b111 << day) >> 1) & ALL_DAYS : 1 << day;
}

/**
 * Applies improving moves until none is left on the days marked in `dirty` (a bit per day).
 * Cells of a day are only looked at again when something on that day or a neighbouring day
 * changed. With `dirty` = every day the result is a local optimum for single-cell,
 * leftover-pair and same-slot swap moves (for big catalogs: within the scanned windows).
 */
export function localSearch(st: PlanState, rng: Rng, dirty = ALL_DAYS): void {
  const m = st.m;
  let pending = dirty;
  let before = st.total();
  while (pending !== 0) {
    const days = pending;
    pending = 0;
    const cells: number[] = [];
    for (let d = 0; d < 7; d++) {
      if (!(days & (1 << d))) continue;
      for (let s = 0; s < m.nSlots; s++) cells.push(d * m.nSlots + s);
    }
    for (const cell of shuffle(cells, rng)) {
      const day = st.dayOf(cell);
      if (improveCell(st, cell, rng)) pending |= around(st, day);
      if (m.leftoversOn && m.isBatchSlot[cell % m.nSlots] && improveLeftoverPair(st, cell, rng)) {
        pending |= around(st, day);
      }
    }
    pending |= improveSwaps(st, days);
    // Each move is judged by its own incremental delta. At a large total (a cap excess priced
    // at 1e6) two moves can each look better than the other by rounding error and undo each
    // other forever; a pass that leaves the week's total where it was ends the descent.
    const after = st.total();
    if (after > before - EPS * Math.max(1, Math.abs(before))) break;
    before = after;
  }
}

/**
 * A random recipe that may go into `cell` now, or −1. A meal feeding the leftover meals `fed`
 * needs a recipe that keeps until their days and is not served elsewhere on those days either.
 * Recipes that keep the day within its cooking budget and the week within the main-protein
 * limit come first, so the search starts from a week it need not repair; any allowed recipe is
 * the fallback.
 */
function randomCandidate(st: PlanState, cell: number, rng: Rng, fed: readonly number[]): number {
  const m = st.m;
  const list = m.cellCandidates[cell]!;
  if (list.length === 0) return EMPTY;
  const d = st.dayOf(cell);
  const fits = (r: number): boolean =>
    r !== st.banned[cell] &&
    st.canCook(r) &&
    !st.appearsOnDay(r, d, cell) &&
    fed.every((c) => keepsUntil(m, r, d, st.dayOf(c)) && !st.appearsOnDay(r, st.dayOf(c), c));
  const withinBudget = (r: number): boolean =>
    st.budgetAddCost(d, r) <= 0 && st.proteinAddCost(r, 1 + fed.length) <= 0;
  let fallback = EMPTY;
  for (let tries = 0; tries < 24; tries++) {
    const r = list[rng.int(list.length)]!;
    if (!fits(r)) continue;
    if (withinBudget(r)) return r;
    if (fallback === EMPTY) fallback = r;
  }
  const start = rng.int(list.length);
  for (let i = 0; i < list.length; i++) {
    const r = list[(start + i) % list.length]!;
    if (!fits(r)) continue;
    if (withinBudget(r)) return r;
    if (fallback === EMPTY) fallback = r;
  }
  return fallback;
}

/**
 * Fills empty cells with random allowed recipes, scarcest cells first. A lunch or dinner no
 * recipe can be cooked at is tried again once the rest is placed, as a leftover meal of an
 * earlier batch (days in order, so each can feed the next). False if stuck.
 */
export function constructRandom(st: PlanState, rng: Rng): boolean {
  const m = st.m;
  const order = shuffledCells(st, rng).sort(
    (a, b) => m.cellCandidates[a]!.length - m.cellCandidates[b]!.length,
  );
  const stuck: number[] = [];
  for (const cell of order) {
    if (st.recipe[cell] !== EMPTY) continue;
    const r = randomCandidate(st, cell, rng, []);
    if (r !== EMPTY) st.place(cell, r, fitPortion(m, r, 1 % m.portions.length));
    else if (m.leftoversOn && m.isBatchSlot[cell % m.nSlots]) stuck.push(cell);
    else return false;
  }
  for (const cell of stuck.sort((a, b) => a - b)) {
    const r = randomCandidate(st, cell, rng, []);
    const src = r === EMPTY ? randomSource(st, cell, rng) : EMPTY;
    if (r === EMPTY && src === EMPTY) return false;
    const next = r === EMPTY ? st.recipe[src]! : r;
    st.place(cell, next, fitPortion(m, next, 1 % m.portions.length), src);
  }
  return true;
}

/**
 * Fills empty cells day by day, each lunch or dinner as a leftover meal of a random earlier
 * batch half of the time (and whenever nothing can be cooked there). For weeks whose catalog is
 * so narrow that only batches fill them, which `constructRandom` (fresh meals first) and the
 * flow (next-day lunches only) miss; a few tries find one. False if stuck.
 */
export function constructBatches(st: PlanState, rng: Rng): boolean {
  const m = st.m;
  const portion = 1 % m.portions.length;
  for (let cell = 0; cell < m.nCells; cell++) {
    if (st.recipe[cell] !== EMPTY) continue;
    const batch = m.leftoversOn && m.isBatchSlot[cell % m.nSlots] === true;
    let src = batch && rng.next() < 0.5 ? randomSource(st, cell, rng) : EMPTY;
    const r = src === EMPTY ? randomCandidate(st, cell, rng, []) : EMPTY;
    if (src === EMPTY && r === EMPTY && batch) src = randomSource(st, cell, rng);
    if (src === EMPTY && r === EMPTY) return false;
    const next = src === EMPTY ? r : st.recipe[src]!;
    st.place(cell, next, fitPortion(m, next, portion), src);
  }
  return true;
}

/** Tries of `constructBatches` before a week counts as not fillable (each is cheap). */
const BATCH_CONSTRUCT_TRIES = 64;

/** `constructBatches`, tried a few times from the cells as they are; `st` is untouched on false. */
export function fillWithBatches(st: PlanState, rng: Rng): boolean {
  if (!st.m.leftoversOn) return false;
  const before = st.snapshot();
  for (let i = 0; i < BATCH_CONSTRUCT_TRIES; i++) {
    if (constructBatches(st, rng)) return true;
    st.restore(before);
  }
  return false;
}

/** A random earlier batch `cell` may eat from (see `PlanState.canFeed`), or −1. */
function randomSource(st: PlanState, cell: number, rng: Rng): number {
  const m = st.m;
  const end = st.dayOf(cell) * m.nSlots;
  if (end === 0) return EMPTY;
  const start = rng.int(end);
  for (let i = 0; i < end; i++) {
    const src = (start + i) % end;
    const r = st.recipe[src]!;
    if (r !== EMPTY && st.canFeed(src, r, cell)) return src;
  }
  return EMPTY;
}

/**
 * Randomly changes `strength` free cells of two random days; every change keeps the hard rules.
 * Returns the days touched.
 */
export function perturb(st: PlanState, rng: Rng, strength: number): number {
  const m = st.m;
  let changed = 0;
  // Kicks stay within two days so the following descent has little to revisit.
  const days = [rng.int(7), rng.int(7)];
  for (let i = 0; i < strength; i++) {
    const cell = days[i % 2]! * m.nSlots + rng.int(m.nSlots);
    if (st.locked[cell]) continue;
    changed |= around(st, st.dayOf(cell));
    const k = rng.int(m.portions.length);
    const fed = st.fedCells(cell);
    const free = !st.leftover[cell] && !st.pinned[cell] && fed.length === 0;
    if (m.leftoversOn && free && m.isBatchSlot[cell % m.nSlots] && rng.next() < 0.25) {
      const src = randomSource(st, cell, rng);
      if (src >= 0) {
        const rd = st.recipe[src]!;
        st.place(cell, rd, fitPortion(m, rd, k), src);
        changed |= around(st, st.dayOf(src));
        continue;
      }
    }
    if (st.pinned[cell]) {
      st.place(cell, st.recipe[cell]!, fitPortion(m, st.recipe[cell]!, k));
      continue;
    }
    const fedK = fed.map((c) => st.portion[c]!);
    const cur = st.recipe[cell]!;
    const curK = st.portion[cell]!;
    const curSrc = st.source[cell]!;
    for (const c of fed) st.clear(c);
    st.clear(cell);
    const r = randomCandidate(st, cell, rng, fed);
    const next = r === EMPTY ? cur : r;
    st.place(cell, next, r === EMPTY ? curK : fitPortion(m, r, k), r === EMPTY ? curSrc : EMPTY);
    for (let j = 0; j < fed.length; j++) {
      st.place(fed[j]!, next, fitPortion(m, next, fedK[j]!), cell);
    }
  }
  return changed;
}

/** Share of the first local optimum's penalty that a kick may worsen the walk by, at first. */
const THRESHOLD_SHARE = 0.01;

/**
 * Iterated local search with threshold accepting: descend to a local optimum, then repeatedly
 * kick a few cells of two days and descend again. A result slightly worse than the current
 * week is still walked from (the allowance shrinks to 0 over the rounds) so the search can leave
 * a basin; the best week seen is returned. `stopWhen` ends the walk at the first week it accepts
 * (a feasibility check needs any week, not the best).
 */
export function optimise(st: PlanState, rng: Rng, rounds: number, stopWhen?: () => boolean): void {
  localSearch(st, rng);
  if (stopWhen?.()) return;
  let best = st.snapshot();
  let bestCost = st.total();
  let current = st.snapshot();
  let currentCost = bestCost;
  // Relative to the soft terms only: a cap or budget excess (priced far above everything) left
  // in the first local optimum must not turn the walk into one that accepts any kick. The plant
  // reward can take a near-perfect week below 0: then no worse week is accepted at all.
  const threshold0 = THRESHOLD_SHARE * Math.max(0, bestCost - st.hardPenalty());
  for (let round = 0; round < rounds; round++) {
    localSearch(st, rng, perturb(st, rng, 2 + rng.int(3)));
    if (stopWhen?.()) return;
    const cost = st.total();
    const threshold = threshold0 * (1 - round / rounds);
    if (cost < bestCost - EPS) {
      best = st.snapshot();
      bestCost = cost;
    }
    if (cost < currentCost + threshold) {
      current = cost < bestCost + EPS ? best : st.snapshot();
      currentCost = cost;
    } else {
      st.restore(current);
    }
  }
  if (st.total() > bestCost + EPS) st.restore(best);
  // Rounds only revisit touched days; finish with a full descent so no single move improves.
  localSearch(st, rng);
}

/**
 * Search effort in candidate evaluations. Counting work instead of time keeps plans
 * reproducible on any machine; the value keeps a ~260-recipe catalog near 20 ms.
 */
const WORK_PER_PLAN = 250_000;
const MIN_ROUNDS = 30;
/**
 * Work units per candidate evaluation with the nutrient goals on. An evaluation then costs about
 * 1.8 × a plain one; the rest is a budget choice: half the rounds of the plain search keeps
 * generation near its latency goal (p50 40 ms) and cost +0.5 % of the objective on the nutrient
 * bench's weeks, with the same share of weeks meeting every target.
 */
const NUTRIENT_EVAL_COST = 3.5;
const MAX_ROUNDS = 400;

/** Iterated-local-search rounds for this model: more for small catalogs, fewer for big ones. */
export function roundsFor(m: Model, effort: number): number {
  const scanned = (c: number): number => Math.min(MAX_SCAN, m.cellCandidates[c]!.length);
  let passCost = 0;
  for (let c = 0; c < m.nCells; c++) passCost += scanned(c);
  // the leftover-pair move prices one batch per lunch and per dinner
  if (m.leftoversOn) passCost += 7 * (scanned(m.lunch) + scanned(m.dinner));
  // A candidate priced with the nutrient goals (weekly micronutrients, energy shares) costs
  // about twice as much to evaluate: count work in the same time units.
  const n = m.nutrition;
  if (m.nMicro > 0 || n.sharesOn) passCost *= NUTRIENT_EVAL_COST;
  const rounds = Math.round(WORK_PER_PLAN / Math.max(1, passCost));
  return Math.round(effort * Math.max(MIN_ROUNDS, Math.min(MAX_ROUNDS, rounds)));
}
