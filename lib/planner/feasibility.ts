import { fitPortion } from './model';
import { EMPTY, type PlanState } from './state';

/** Dinic's maximum flow on a small integer-capacity graph. */
class MaxFlow {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly next: number[] = [];
  private level: Int32Array;
  private iter: Int32Array;

  constructor(nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
    this.level = new Int32Array(nodes);
    this.iter = new Int32Array(nodes);
  }

  /** Returns the edge index, whose residual capacity tells the flow after `run`. */
  addEdge(u: number, v: number, capacity: number): number {
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(capacity, 0);
    this.next.push(this.head[u]!, this.head[v]!);
    this.head[u] = e;
    this.head[v] = e + 1;
    return e;
  }

  flowOn(edge: number): number {
    return this.cap[edge + 1]!;
  }

  run(s: number, t: number): number {
    let flow = 0;
    while (this.bfs(s, t)) {
      for (let i = 0; i < this.head.length; i++) this.iter[i] = this.head[i]!;
      let pushed = this.dfs(s, t, Number.POSITIVE_INFINITY);
      while (pushed > 0) {
        flow += pushed;
        pushed = this.dfs(s, t, Number.POSITIVE_INFINITY);
      }
    }
    return flow;
  }

  private bfs(s: number, t: number): boolean {
    this.level.fill(-1);
    const queue = [s];
    this.level[s] = 0;
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi]!;
      for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
        const v = this.to[e]!;
        if (this.cap[e]! > 0 && this.level[v]! < 0) {
          this.level[v] = this.level[u]! + 1;
          queue.push(v);
        }
      }
    }
    return this.level[t]! >= 0;
  }

  private dfs(u: number, t: number, f: number): number {
    if (u === t) return f;
    for (let e = this.iter[u]!; e !== -1; e = this.next[e]!) {
      this.iter[u] = e;
      const v = this.to[e]!;
      if (this.cap[e]! > 0 && this.level[v] === this.level[u]! + 1) {
        const d = this.dfs(v, t, Math.min(f, this.cap[e]!));
        if (d > 0) {
          this.cap[e] = this.cap[e]! - d;
          this.cap[e ^ 1] = this.cap[e ^ 1]! + d;
          return d;
        }
      }
    }
    this.iter[u] = -1;
    return 0;
  }
}

export type FeasibilityOptions = {
  /** Only these cells need a recipe (default: every empty cell). */
  cells?: number[];
  /** Assume these lunches can be leftovers without checking their dinner (per-slot diagnosis). */
  assumeLeftovers?: boolean;
};

/**
 * Check that the empty cells of `st` can be filled under the hard rules, given the cells
 * already placed: each recipe cooked at most once a week, served at most once a day (leftovers
 * included), slot type and day time limits (via the cells' candidate lists), per-cell bans. A
 * leftover lunch fills its cell without using the cap; since a leftover ties the lunch to
 * yesterday's dinner, every set of leftover lunches is tried (at most 2^6), smallest first.
 * Only that one kind of leftover is tried here (a dinner's batch feeding the next day's lunch),
 * not every batch the search may cook (up to three meals, days apart): a week found here is
 * always a real week, but one that exists only through a longer-kept batch is missed (rare: it
 * needs a meal no recipe can fill freshly that day).
 * Exact except for one case a flow cannot express: a dinner filled here that feeds a leftover
 * serves its recipe on two days; a clash on the second day is resolved by a small bounded
 * branching over flows, which may miss a rare plan but never places a broken one. On success
 * the assignment is placed into `st` (portion 1, or the nearest green portion, leftovers included) and true is returned; `st`
 * is untouched otherwise.
 */
export function fillByFlow(st: PlanState, options: FeasibilityOptions = {}): boolean {
  const m = st.m;
  const demand = (options.cells ?? range(m.nCells)).filter((c) => st.recipe[c] === EMPTY);
  const eligible = m.leftoversOn
    ? demand.filter((c) => {
        const src = st.previousDinner(c);
        if (src < 0) return false;
        if (options.assumeLeftovers) return true;
        const rd = st.recipe[src]!;
        if (rd === EMPTY) return demand.includes(src);
        return st.canFeed(src, rd, c);
      })
    : [];
  const eligibleSet = new Set(eligible);
  const hopeless = demand.some(
    (c) => !eligibleSet.has(c) && !m.cellCandidates[c]!.some((r) => st.canCook(r)),
  );
  if (hopeless) return false;
  const subsets = [...Array(1 << eligible.length).keys()].sort(
    (a, b) => popcount(a) - popcount(b) || a - b,
  );
  for (const mask of subsets) {
    const asLeftover = new Set(eligible.filter((_, i) => mask & (1 << i)));
    // Dinner cell → the leftover lunch it feeds; fixed dinners' recipes are blocked on that day.
    const feeds = new Map<number, number>();
    const blocked = new Set<number>();
    for (const c of asLeftover) {
      const src = st.previousDinner(c);
      const rd = st.recipe[src]!;
      if (rd === EMPTY) feeds.set(src, c);
      else if (!options.assumeLeftovers) blocked.add(rd * 7 + st.dayOf(c));
    }
    const assignment = solveWithLeftovers(
      st,
      demand.filter((c) => !asLeftover.has(c)),
      feeds,
      blocked,
      !options.assumeLeftovers,
    );
    if (!assignment) continue;
    const portion = Math.max(0, m.portions.indexOf(1));
    for (const [cell, r] of assignment) st.place(cell, r, fitPortion(m, r, portion));
    if (!options.assumeLeftovers) {
      for (const c of asLeftover) {
        const src = st.previousDinner(c);
        const rd = st.recipe[src]!;
        st.place(c, rd, fitPortion(m, rd, portion), src);
      }
    }
    return true;
  }
  return false;
}

/** Flow solves allowed for second-day clashes of dinners that feed a leftover (see `fillByFlow`). */
const MAX_CLASH_SOLVES = 64;

/**
 * Flow assignment for `cells` where each dinner in `feeds` also serves its recipe at its
 * leftover lunch's day: recipe-day pairs in `blocked` (r × 7 + day) are unavailable. When
 * `checkLunchDay`, an assignment where a feeding dinner's recipe is also given to another cell
 * of the lunch's day is split in two: that recipe is forbidden for the dinner, or for the other
 * cell (depth first, bounded).
 */
function solveWithLeftovers(
  st: PlanState,
  cells: number[],
  feeds: Map<number, number>,
  blocked: Set<number>,
  checkLunchDay: boolean,
): Map<number, number> | null {
  const n = st.m.n;
  let budget = MAX_CLASH_SOLVES;
  const search = (forbidden: Set<number>): Map<number, number> | null => {
    if (budget-- <= 0) return null;
    const assignment = solveFlow(st, cells, feeds, blocked, forbidden, checkLunchDay);
    if (!assignment || !checkLunchDay) return assignment;
    for (const [dinner, lunch] of feeds) {
      const r = assignment.get(dinner)!;
      const day = st.dayOf(lunch);
      for (const [cell, other] of assignment) {
        if (other !== r || cell === dinner || st.dayOf(cell) !== day) continue;
        return (
          search(new Set([...forbidden, dinner * n + r])) ??
          search(new Set([...forbidden, cell * n + r]))
        );
      }
    }
    return assignment;
  };
  return search(new Set());
}

function solveFlow(
  st: PlanState,
  cells: number[],
  feeds: Map<number, number>,
  blocked: Set<number>,
  forbidden: Set<number>,
  checkLunchDay: boolean,
): Map<number, number> | null {
  const m = st.m;
  if (cells.length === 0) return new Map();
  const recipeNode = new Map<number, number>();
  const dayNode = new Map<number, number>();
  let nodes = 2 + cells.length;
  const edges: { cell: number; r: number; day: number }[] = [];
  for (const cell of cells) {
    const day = st.dayOf(cell);
    const list = m.cellCandidates[cell]!;
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      if (r === st.banned[cell] || !st.canCook(r)) continue;
      if (forbidden.has(cell * m.n + r)) continue;
      const lunch = feeds.get(cell);
      if (lunch !== undefined) {
        if (!m.keeps[r]) continue;
        if (checkLunchDay && st.appearsOnDay(r, st.dayOf(lunch), lunch)) continue;
      }
      if (blocked.has(r * 7 + day)) continue;
      if (st.appearsOnDay(r, day, -1)) continue;
      if (!recipeNode.has(r)) recipeNode.set(r, nodes++);
      const key = r * 7 + day;
      if (!dayNode.has(key)) dayNode.set(key, nodes++);
      edges.push({ cell, r, day });
    }
  }
  const flow = new MaxFlow(nodes);
  const source = 0;
  const sink = 1;
  for (const [r, node] of recipeNode) flow.addEdge(source, node, m.maxUses[r]! - st.uses[r]!);
  for (const [key, node] of dayNode) flow.addEdge(recipeNode.get(Math.floor(key / 7))!, node, 1);
  const cellNode = new Map(cells.map((c, i) => [c, 2 + i]));
  for (const c of cells) flow.addEdge(cellNode.get(c)!, sink, 1);
  const edgeIds = edges.map((e) =>
    flow.addEdge(dayNode.get(e.r * 7 + e.day)!, cellNode.get(e.cell)!, 1),
  );
  if (flow.run(source, sink) < cells.length) return null;
  const assignment = new Map<number, number>();
  edges.forEach((e, i) => {
    if (flow.flowOn(edgeIds[i]!) > 0) assignment.set(e.cell, e.r);
  });
  return assignment;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}
