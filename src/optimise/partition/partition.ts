// Splits a Problem into independent partitions that can be solved apart (in worker threads,
// later on other machines). A partition is the orders whose starting routings leave from
// one group of origin nodes (the airports their parcels fly from): one origin, or several that
// orders flying through hubs join while the group stays small enough for the exact step.
// Orders keep only the choices that stay inside their group, so no departure is shared between partitions. Stock
// and clearance port days are shared out as quotas: each partition keeps what the feasible
// start used, plus a share of the slack in proportion to its demand. Orders that start on no
// consolidating departure (bonded, general trade) need nothing shared and are dealt out in
// chunks. This restricts the search (an order cannot move to another group's flights) but
// keeps every partition's answer feasible together; the lower bound is computed on the
// whole, unrestricted problem, so it stays valid.
import { internIndex } from '../model/intern.js';
import type { Choice, Load, Problem } from '../model/problem.js';

export interface Partition {
  /** Global order indexes, ascending. */
  orders: number[];
  problem: Problem;
  /** Full port-day capacities: the exact step's MILP is given these, and an answer over the quota is rejected after it (solve-partition.ts). */
  portCapacity: number[];
  /** Starting choice per partition order (-1: none fitted). */
  start: number[];
  /** Per partition order, the global index of each of its (kept) choices. */
  choiceMap: number[][];
}

/** Orders per partition of orders that ride no shared departure. */
export const FREE_CHUNK = 2_000;

export interface Partitioning {
  partitions: Partition[];
  /**
   * Orders whose starting routing flies from several origins (a split order): they keep
   * that routing, and their load rides along as background on their departures.
   */
  pinned: number[];
}

export interface PartitionOptions {
  /**
   * An order whose one parcel flies from several origins (through hubs) joins those origins'
   * groups into one while the joined group holds at most this many orders
   * (the exact step's size: a group that small can still be solved exactly); past it they are
   * pinned. @default 0 (never joined)
   */
  joinUpTo?: number;
}

export function partitionProblem(problem: Problem, start: ArrayLike<number>, options: PartitionOptions = {}): Partitioning {
  const joinUpTo = options.joinUpTo ?? 0;
  const groups = new OriginGroups();
  const pinned: number[] = [];
  /** Per order: the origin it is grouped by, null when it rides no consolidating departure, undefined when pinned. */
  const home: (string | null | undefined)[] = [];
  problem.orders.forEach((order, o) => {
    const c = start[o] ?? -1;
    const origins = [...new Set(c >= 0 ? order.choices[c]!.uses.map((u) => problem.departures[u.dep]!.origin) : [])];
    // Only a parcel through hubs joins origins; a split order (parcels from several sources)
    // keeps its routing pinned, as joining for it made the default network's plans dearer.
    const throughHubs = c >= 0 && order.choices[c]!.parcels.length === 1;
    if (origins.length > 1 && !(throughHubs && groups.join(origins, joinUpTo))) {
      pinned.push(o);
      home.push(undefined);
      return;
    }
    const origin = homeOrigin(problem, o, c);
    if (origin !== null) groups.count(origin);
    home.push(origin);
  });
  // Groups in the order their first order appears: deterministic.
  const members = new Map<string, number[]>();
  let freeCount = 0;
  home.forEach((origin, o) => {
    if (origin === undefined) return;
    const key = origin === null ? `free#${Math.floor(freeCount++ / FREE_CHUNK)}` : groups.root(origin);
    const list = members.get(key);
    if (list === undefined) members.set(key, [o]);
    else list.push(o);
  });
  const listed = [...members.entries()].map(([key, orders]) => ({ key, orders }));
  const background = pinnedLoads(problem, start, pinned);
  const quotas = shareQuotas(problem, start, [...listed.map((g) => g.orders), pinned]);
  return {
    partitions: listed.map((g, i) => subProblem(problem, g.orders, start, (origin) => groups.root(origin) === g.key, quotas[i]!, background)),
    pinned,
  };
}

/** Origins joined into groups (union–find), with the orders counted in each group. */
class OriginGroups {
  private readonly parent = new Map<string, string>();
  private readonly orders = new Map<string, number>();

  root(origin: string): string {
    let r = origin;
    for (let up = this.parent.get(r); up !== undefined && up !== r; up = this.parent.get(r)) r = up;
    return r;
  }

  count(origin: string): void {
    const r = this.root(origin);
    this.orders.set(r, (this.orders.get(r) ?? 0) + 1);
  }

  /** Joins the origins' groups when the result, with one more order, holds at most `upTo` orders. */
  join(origins: readonly string[], upTo: number): boolean {
    const roots = [...new Set(origins.map((o) => this.root(o)))];
    const total = roots.reduce((n, r) => n + (this.orders.get(r) ?? 0), 1);
    if (total > upTo) return false;
    // The first origin's root stays the group's name: which name is kept is fixed by the orders' order.
    const [head, ...rest] = roots;
    if (head === undefined) return false;
    for (const r of rest) {
      this.parent.set(r, head);
      this.orders.set(head, (this.orders.get(head) ?? 0) + (this.orders.get(r) ?? 0));
      this.orders.delete(r);
    }
    this.parent.set(head, head);
    return true;
  }
}

/** Per departure, the load of the pinned orders' starting routings. */
function pinnedLoads(problem: Problem, start: ArrayLike<number>, pinned: readonly number[]): Map<number, Load> {
  const loads = new Map<number, Load>();
  for (const o of pinned) {
    for (const use of problem.orders[o]!.choices[start[o]!]!.uses) {
      const load = loads.get(use.dep) ?? { weightKg: 0, volumeM3: 0, orders: 0 };
      loads.set(use.dep, { weightKg: load.weightKg + use.weightKg, volumeM3: load.volumeM3 + use.volumeM3, orders: load.orders + 1 });
    }
  }
  return loads;
}

/** The origin an order's partition is chosen by: its start's, else its first choice's that flies. */
function homeOrigin(problem: Problem, o: number, c: number): string | null {
  const order = problem.orders[o]!;
  if (c >= 0) {
    const use = order.choices[c]!.uses[0];
    return use === undefined ? null : problem.departures[use.dep]!.origin;
  }
  for (const choice of order.choices) {
    const use = choice.uses[0];
    if (use !== undefined) return problem.departures[use.dep]!.origin;
  }
  return null;
}

/** Port-day and stock quotas per partition: what the start used, plus slack shared by demand. */
function shareQuotas(problem: Problem, start: ArrayLike<number>, members: number[][]): { port: Map<number, number>; stock: Map<number, number> }[] {
  const port = quotasFor(
    problem.portDays.map((p) => p.capacity),
    members,
    (o) => problem.orders[o]!.choices.map((c) => c.portDays.map((p) => [p, 1] as const)),
    start,
  );
  const stock = quotasFor(
    problem.stock.map((s) => s.available),
    members,
    (o) => problem.orders[o]!.choices.map((c) => c.stock.map((s) => [s.key, s.qty] as const)),
    start,
  );
  return members.map((_, g) => ({ port: port[g]!, stock: stock[g]! }));
}

function quotasFor(
  capacity: readonly number[],
  members: number[][],
  usesOf: (order: number) => (readonly (readonly [number, number])[])[],
  start: ArrayLike<number>,
): Map<number, number>[] {
  const used = members.map(() => new Map<number, number>());
  const demand = members.map(() => new Map<number, number>());
  const totalUsed = new Float64Array(capacity.length);
  const totalDemand = new Float64Array(capacity.length);
  members.forEach((orders, g) => {
    for (const o of orders) {
      const choices = usesOf(o);
      const most = new Map<number, number>();
      for (const uses of choices) for (const [k, q] of uses) most.set(k, Math.max(most.get(k) ?? 0, q));
      for (const [k, q] of most) {
        demand[g]!.set(k, (demand[g]!.get(k) ?? 0) + q);
        totalDemand[k]! += q;
      }
      const c = start[o] ?? -1;
      if (c >= 0) {
        for (const [k, q] of choices[c]!) {
          used[g]!.set(k, (used[g]!.get(k) ?? 0) + q);
          totalUsed[k]! += q;
        }
      }
    }
  });
  return members.map((_, g) => {
    const quota = new Map<number, number>();
    for (const [k, d] of demand[g]!) {
      const slack = Math.max(0, capacity[k]! - totalUsed[k]!);
      quota.set(k, (used[g]!.get(k) ?? 0) + Math.floor((slack * d) / (totalDemand[k] || 1)));
    }
    return quota;
  });
}

function subProblem(
  problem: Problem,
  orders: number[],
  start: ArrayLike<number>,
  inGroup: (origin: string) => boolean,
  quota: { port: Map<number, number>; stock: Map<number, number> },
  background: ReadonlyMap<number, Load>,
): Partition {
  return restrictProblem(problem, orders, start, {
    keep: (choice) => choice.uses.every((u) => inGroup(problem.departures[u.dep]!.origin)),
    background: (dep) => background.get(dep),
    portQuota: (p) => quota.port.get(p) ?? 0,
    portCapacity: (p) => problem.portDays[p]!.capacity,
    stock: (key) => quota.stock.get(key) ?? 0,
  });
}

/** What a restricted problem keeps of the whole, and what it sees of everything else. */
export interface Restriction {
  /** Choices the orders keep. */
  keep: (choice: Choice) => boolean;
  /** Load on a departure from orders outside the restricted problem. */
  background: (dep: number) => Load | undefined;
  /** Port-day slots the restricted problem may use (its quota). */
  portQuota: (portDay: number) => number;
  /** Port-day slots the exact step is given (the quota is checked on its answer). */
  portCapacity: (portDay: number) => number;
  /** Units of a stock key the restricted problem may draw. */
  stock: (key: number) => number;
}

/**
 * The orders given, renumbered into a Problem of their own: their kept choices, the
 * departures, port days and stock those touch, with what the rest of the plan leaves of them.
 * Partitions (by origin) and neighbourhoods (search/neighbourhood.ts) are both made here.
 */
export function restrictProblem(problem: Problem, orders: number[], start: ArrayLike<number>, r: Restriction): Partition {
  const depMap = new Map<number, number>();
  const portMap = new Map<number, number>();
  const stockMap = new Map<number, number>();
  const sub: Problem = { departures: [], portDays: [], stock: [], orders: [] };
  const portCapacity: number[] = [];
  const starts: number[] = [];
  const choiceMap: number[][] = [];
  for (const o of orders) {
    const order = problem.orders[o]!;
    const begin = start[o] ?? -1;
    const kept = order.choices.map((choice, c) => ({ choice, c })).filter(({ choice }) => r.keep(choice));
    starts.push(kept.findIndex(({ c }) => c === begin));
    choiceMap.push(kept.map(({ c }) => c));
    sub.orders.push({
      order: order.order,
      weightKg: order.weightKg,
      choices: kept.map(({ choice }) => ({
        parcels: choice.parcels,
        ownMinor: choice.ownMinor,
        uses: choice.uses.map((u) => ({
          ...u,
          dep: internIndex(depMap, u.dep, () => {
            const load = r.background(u.dep);
            sub.departures.push(load === undefined ? problem.departures[u.dep]! : { ...problem.departures[u.dep]!, background: load });
          }),
        })),
        portDays: choice.portDays.map((p) =>
          internIndex(portMap, p, () => {
            sub.portDays.push({ ...problem.portDays[p]!, capacity: r.portQuota(p) });
            portCapacity.push(r.portCapacity(p));
          }),
        ),
        stock: choice.stock.map((s) => ({
          ...s,
          key: internIndex(stockMap, s.key, () => {
            sub.stock.push({ ...problem.stock[s.key]!, available: r.stock(s.key) });
          }),
        })),
      })),
    });
  }
  return { orders, problem: sub, portCapacity, start: starts, choiceMap };
}
