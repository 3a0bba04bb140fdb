// Splits a Problem into independent partitions: orders that could share a departure or draw
// on the same stock are in one partition; nothing else couples them except clearance port
// days, which are shared out as quotas (each partition keeps what a feasible global start
// used, plus a share of the slack in proportion to its demand). A partition is plain data:
// it can be solved in a worker thread, or on another machine.
import type { Problem } from './problem.js';

export interface Partition {
  /** Global order indexes, ascending. */
  orders: number[];
  problem: Problem;
  /** Full port-day capacities (for a valid bound: the quota is a restriction, not a fact). */
  portCapacity: number[];
  /** Starting choice per partition order (-1: none fitted). */
  start: number[];
}

export function partitionProblem(problem: Problem, start: ArrayLike<number>): Partition[] {
  const n = problem.orders.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const firstOnDep = new Map<number, number>();
  const firstOnStock = new Map<number, number>();
  problem.orders.forEach((order, o) => {
    for (const choice of order.choices) {
      for (const use of choice.uses) {
        const first = firstOnDep.get(use.dep);
        if (first === undefined) firstOnDep.set(use.dep, o);
        else union(first, o);
      }
      for (const s of choice.stock) {
        const first = firstOnStock.get(s.key);
        if (first === undefined) firstOnStock.set(s.key, o);
        else union(first, o);
      }
    }
  });
  const groups = new Map<number, number[]>();
  for (let o = 0; o < n; o++) {
    const root = find(o);
    const list = groups.get(root);
    if (list === undefined) groups.set(root, [o]);
    else list.push(o);
  }
  const members = [...groups.values()]; // roots ascend with their first order: deterministic
  const quotas = portQuotas(problem, start, members);
  return members.map((orders, g) => subProblem(problem, orders, start, quotas[g]!));
}

/** Port-day slots per partition: what the start used, plus slack shared by demand. */
function portQuotas(problem: Problem, start: ArrayLike<number>, members: number[][]): Map<number, number>[] {
  const used = members.map(() => new Map<number, number>());
  const demand = members.map(() => new Map<number, number>());
  const totalUsed = new Float64Array(problem.portDays.length);
  const totalDemand = new Float64Array(problem.portDays.length);
  members.forEach((orders, g) => {
    for (const o of orders) {
      const order = problem.orders[o]!;
      const seen = new Set<number>();
      for (const choice of order.choices) for (const p of choice.portDays) seen.add(p);
      for (const p of seen) {
        demand[g]!.set(p, (demand[g]!.get(p) ?? 0) + 1);
        totalDemand[p]! += 1;
      }
      const c = start[o] ?? -1;
      if (c >= 0) {
        for (const p of order.choices[c]!.portDays) {
          used[g]!.set(p, (used[g]!.get(p) ?? 0) + 1);
          totalUsed[p]! += 1;
        }
      }
    }
  });
  return members.map((_, g) => {
    const quota = new Map<number, number>();
    for (const [p, d] of demand[g]!) {
      const slack = Math.max(0, problem.portDays[p]!.capacity - (totalUsed[p] ?? 0));
      quota.set(p, (used[g]!.get(p) ?? 0) + Math.floor((slack * d) / (totalDemand[p] || 1)));
    }
    return quota;
  });
}

function subProblem(problem: Problem, orders: number[], start: ArrayLike<number>, quota: Map<number, number>): Partition {
  const depMap = new Map<number, number>();
  const portMap = new Map<number, number>();
  const stockMap = new Map<number, number>();
  const sub: Problem = { departures: [], portDays: [], stock: [], orders: [] };
  const portCapacity: number[] = [];
  const remap = (map: Map<number, number>, i: number, add: () => void): number => {
    let j = map.get(i);
    if (j === undefined) {
      j = map.size;
      map.set(i, j);
      add();
    }
    return j;
  };
  for (const o of orders) {
    const order = problem.orders[o]!;
    sub.orders.push({
      order: order.order,
      weightKg: order.weightKg,
      choices: order.choices.map((choice) => ({
        parcels: choice.parcels,
        ownMinor: choice.ownMinor,
        uses: choice.uses.map((u) => ({ ...u, dep: remap(depMap, u.dep, () => sub.departures.push(problem.departures[u.dep]!)) })),
        portDays: choice.portDays.map((p) =>
          remap(portMap, p, () => {
            const pd = problem.portDays[p]!;
            sub.portDays.push({ ...pd, capacity: quota.get(p) ?? 0 });
            portCapacity.push(pd.capacity);
          }),
        ),
        stock: choice.stock.map((s) => ({ ...s, key: remap(stockMap, s.key, () => sub.stock.push(problem.stock[s.key]!)) })),
      })),
    });
  }
  return { orders, problem: sub, portCapacity, start: orders.map((o) => start[o] ?? -1) };
}
