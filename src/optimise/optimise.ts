// The consolidation optimiser, end to end in the pure core:
//   candidates per order → the baseline over them as the feasible start → one Problem (grows
//   with orders × choices and with departures, never with order pairs) → improvement passes
//   over the whole → independent partitions with port-day quotas → each improved (local
//   search, exact MILP when small, within a node budget) → merged decisions, and a lower bound
//   computed on the whole problem.
// Partitions are solved by `solvePartitions`, in process by default; the worker pool passes
// its own (same function, other threads), which is why the result cannot depend on it.
//
// The folders hold the steps, one concern each:
//   choices/   what an order may do: facts, sourcing options, candidate itineraries
//   model/     the Problem in plain data, an Assignment of it, the decisions it yields
//   ledger/    stock and capacity drawn down as orders are committed
//   start/     the baseline: a feasible start, order by order
//   search/    improvement moves on an Assignment
//   exact/     the order-level MILP for a solver backend
//   partition/ independent partitions and how one is solved (what the pool runs)
//   repair/    ejection moves that place orders the search left out
//   bound/     lower bounds on the optimum
//   pricing/   decisions turned into a priced Plan (shared with the quote, ./quote.ts)
import { measureLines } from '../domain/measure.js';
import type { NetworkIndex } from '../domain/network-index.js';
import type { ItineraryContext } from '../graph/itineraries.js';
import type { SolverBackend } from '../solvers/backend.js';
import { Assignment, UNASSIGNED } from './model/assignment.js';
import { byCreation, chooseBaseline } from './start/baseline.js';
import { CapacityLedger } from './ledger/capacity.js';
import { type CandidateSettings, DEFAULT_CANDIDATES, type OrderCandidates, orderCandidates } from './choices/candidates.js';
import { type OrderDecision, type Unplanned, unplanned } from './model/decisions.js';
import type { OrderFacts } from './choices/order-facts.js';
import { type Partition, partitionProblem } from './partition/partition.js';
import { improve } from './search/local-search.js';
import { repairUnserved } from './repair/repair.js';
import { type Problem, ProblemBuilder } from './model/problem.js';
import { anyRoutingBound, anyRoutingFloorSteps, boundLaneTerms, EXACT_SOURCING_LINES, orderFloors } from './bound/any-routing.js';
import { priceContestedStock, type StockPrices } from './bound/stock-prices.js';
import { chargeOriginMinimums } from './bound/origin-minimums.js';
import { LaneShares } from './bound/lane-shares.js';
import { MAX_ROUNDS, ascendShares } from './bound/share-ascent.js';
import type { BoundCertificate, BoundLaneRate, BoundOriginMinimum } from '../domain/plan.js';
import { type PartitionResult, type PartitionSettings, solvePartition } from './partition/solve-partition.js';
import type { StockLedger } from './ledger/stock-ledger.js';
import { commitFixed, type FixedRoutings } from './replan/fixed.js';
import { type LnsSettings, largeNeighbourhoodSearch } from './search/lns.js';
import { DEFAULT_REROUTE, type RerouteSettings } from './search/reroute.js';
import { improveAgainstPlan } from './search/against-plan.js';
import { type CloseSettings, DEFAULT_CLOSE } from './search/close-departures.js';
import { NEIGHBOURHOODS } from './search/neighbourhoods/index.js';

/**
 * What one call of SolvePartitions solves: the partitions (once per plan), or a wave of sets
 * of orders freed by the large-neighbourhood search (search/lns.ts), counted from 0.
 */
export type SolveStage = { kind: 'partitions' } | { kind: 'neighbourhoods'; wave: number; settings: PartitionSettings };

/**
 * Solves partitions (plain, structured-clonable data) and returns their results in the same
 * order: in process, on the worker pool, or on a queue. Neighbourhood sets are partitions too.
 */
export type SolvePartitions = (partitions: readonly Partition[], stage?: SolveStage) => Promise<PartitionResult[]>;

export interface OptimiseOptions {
  /** The exact backend and the settings made for it: see src/engine/solver-wiring.ts. */
  backend: SolverBackend | null;
  partition: PartitionSettings;
  candidates?: CandidateSettings;
  /** Checked between moves; true ends the search with the best plan so far. */
  shouldStop?: () => boolean;
  solvePartitions?: SolvePartitions;
  onPartitionDone?: (done: number, total: number) => void;
  /**
   * Awaited between phases and every few hundred orders inside them: the
   * edge yields to its event loop there, reports progress, and throws to abort.
   */
  checkpoint?: Checkpoint;
  /** Improvement passes over the whole problem before it is partitioned (they stop early once converged). */
  globalPasses?: number;
  /** Orders planned on the routing given, committed before the others (a re-plan's kept orders: replan/fixed.ts). */
  fixed?: FixedRoutings;
  /**
   * After each wave of the large-neighbourhood search: sets solved so far, the plan's cost (minor
   * units), and the most sets it will solve (its budget: it ends sooner once a round saves nothing).
   */
  onSearchProgress?: (neighbourhoodsSolved: number, costMinor: number, neighbourhoodsBudget: number) => void;
  /**
   * While itineraries are priced against the plan (search/reroute.ts), every few hundred orders:
   * orders searched again so far, of those to search, and the plan's cost (minor units).
   */
  onRerouteProgress?: (ordersRepriced: number, ordersToReprice: number, costMinor: number) => void;
  /**
   * While the lower bound is computed, every few hundred orders: orders bounded so far of those
   * to bound, and a lower bound already valid (the orders not reached yet count nothing), in
   * minor units: it rises to the plan's bound, so a planner sees the gap close.
   */
  onBoundProgress?: (phase: PlanPhase, ordersBounded: number, ordersToBound: number, boundMinor: number) => void;
  /**
   * Before the orders are bounded, after each round of the lanes' share ascent (bound/share-
   * ascent.ts): rounds done, the most it runs, and the parcels still raising a share.
   */
  onBoundRound?: (phase: PlanPhase, round: number, rounds: number, parcelsRaising: number) => void;
  /** The large-neighbourhood search after the partitions: @default lnsSettings(partition). */
  lns?: LnsSettings;
  /** Itineraries priced against the plan after the search (search/reroute.ts); null: none. @default DEFAULT_REROUTE */
  reroute?: RerouteSettings | null;
  /** Then departures closed against the plan (search/close-departures.ts); null: none. @default DEFAULT_CLOSE */
  close?: CloseSettings | null;
}

/**
 * Budget of the large-neighbourhood search, in work: rounds over every neighbourhood, sub-
 * solves in all, and sets as large as the exact step takes. None without an exact backend.
 * Its sub-solves price chargeable weights without the half-kilogram round-up (exact/milp.ts
 * `relaxRounding`; every answer is re-priced exactly and taken only if cheaper): with HiGHS
 * they ran 5–10 times faster (M: 700–900 ms → 60–110 ms each), and M planned in 11.6 s instead
 * of 15.9 s, S in 4.6 s instead of 5.1 s, at CNY 17.43 (M) and 0.51 (S) more (2 cores).
 */
export function lnsSettings(partition: PartitionSettings): LnsSettings {
  return {
    maxRounds: LNS_ROUNDS,
    maxSubSolves: partition.exactMaxOrders < 2 ? 0 : LNS_SUB_SOLVES,
    ordersPerSubSolve: LNS_ORDERS_PER_SUB_SOLVE,
    maxOrders: Math.min(LNS_MAX_ORDERS, partition.exactMaxOrders),
    waveSize: LNS_WAVE,
    subSolve: { maxPasses: 2, exactMaxOrders: partition.exactMaxOrders, exactMaxNodes: Math.min(LNS_NODES, partition.exactMaxNodes), acceptIncumbent: true, pruneOwn: partition.searchPruneOwn === true, relaxRounding: true },
  };
}
/** A 1,000-order batch gets the whole budget, a 300-order one a third of it. */
export const LNS_ORDERS_PER_SUB_SOLVE = 30;
/** Orders freed together at most. */
export const LNS_MAX_ORDERS = 40;
/** Branch-and-bound nodes per sub-solve: its best solution within them is used. */
export const LNS_NODES = 200;
export const LNS_ROUNDS = 3;
export const LNS_SUB_SOLVES = 8;
/** Sets per wave: enough for every worker to have several, few enough to re-price between waves. */
export const LNS_WAVE = 32;

export const GLOBAL_PASSES = 25;
/**
 * The passes over the whole problem end once one saves less than this share of the total: the
 * partitions' own passes and the neighbourhood search follow. On L the passes after the fifth
 * (about 1 s each, single-threaded) saved CNY 26.65 of 3.1 million together.
 */
export const GLOBAL_LEAST_PASS_SAVING = 1e-5;

export type PlanPhase = 'candidates' | 'solving' | 'bounding' | 'verifying';
/** `done` of `total`: how far the phase is (orders examined; orders bounded, total not given). */
export type Checkpoint = (phase: PlanPhase, done?: number, total?: number) => void | Promise<void>;

/** Orders between two checkpoints in the per-order loops. */
const CHECKPOINT_EVERY = 250;
/** Orders between two polls of `shouldStop` while orders are examined (divides CHECKPOINT_EVERY,
 *  so a stop decided at a checkpoint takes effect right after it). */
const STOP_POLL_EVERY = 50;

/**
 * The answer of an order the run had no time to examine (orders are examined in creation order).
 * Short, as a short limit on a large batch repeats it for most orders (`explain` says more).
 */
export function notExamined(order: string): Unplanned {
  return unplanned(order, 'TIME_LIMIT', 'Not examined before the time limit; plan again with a longer one.');
}

export interface OptimiseResult {
  decisions: OrderDecision[];
  /** Lower bound on the cost of serving the planned orders, minor units; null when the time
   *  limit ran out before the search began (the plan is then the baseline start). */
  lowerBoundMinor: number | null;
  /** What lowerBoundMinor is a function of (src/domain/plan.ts), with every bound. */
  boundCertificate?: BoundCertificate;
  timeLimited: boolean;
  partitions: number;
  exactPartitions: number;
}

export interface BuiltProblem {
  problem: Problem;
  /** Per problem order, the index of its baseline routing among its choices, or -1. */
  start: number[];
  /** Per problem order, its answer should it end unplanned (the baseline's reason). */
  fallback: Unplanned[];
  /** Orders answered before any choice: no stock, no route, no feasible deadline. */
  decisions: OrderDecision[];
  /** What built `problem`: choices added later (search/reroute.ts) are built the same way. */
  builder?: ProblemBuilder;
  /** Set when `shouldStop` held while the orders were examined or once the baseline start was
   *  known: that start for every order examined, TIME_LIMIT for the others (the problem is then
   *  not built: no time is left to improve on it). */
  stoppedAtStart?: OrderDecision[];
}

/**
 * The first step of the optimiser: candidates per order, the baseline over them (the feasible
 * start: the optimiser then plans every order the baseline plans, and only ever lowers the
 * cost from there), and the Problem with the baseline's routing among every order's choices.
 */
export async function buildProblem(
  ctx: ItineraryContext,
  facts: readonly OrderFacts[],
  stock: StockLedger,
  settings: CandidateSettings,
  checkpoint?: Checkpoint,
  shouldStop?: () => boolean,
  fixed?: FixedRoutings,
): Promise<BuiltProblem> {
  const decisions: OrderDecision[] = [];
  const sorted = [...facts].sort(byCreation);
  const candidates = new Map<string, OrderCandidates | Unplanned>();
  // Out of time while examining: the orders examined so far (a prefix in creation order) are
  // planned as the baseline plans them, the rest answered TIME_LIMIT and take no stock.
  let examined = sorted.length;
  for (const [i, f] of sorted.entries()) {
    if (checkpoint !== undefined && i % CHECKPOINT_EVERY === 0) await checkpoint('candidates', i, 2 * sorted.length);
    if (i % STOP_POLL_EVERY === 0 && shouldStop?.() === true) {
      examined = i;
      break;
    }
    if (fixed?.has(f.order.id) === true) continue; // its routing is given
    candidates.set(f.order.id, orderCandidates(ctx, f, stock, settings));
  }
  const reached = (examined === sorted.length ? sorted : sorted.slice(0, examined)).filter((f) => fixed?.has(f.order.id) !== true);
  const left = stock.clone();
  // Fixed orders first (all of them, examined or not): the others are planned around them.
  const capacity = new CapacityLedger(ctx.model);
  const baseline = new Map(commitFixed(sorted, fixed, left, capacity).map((d) => [d.order, d]));
  for (const d of chooseBaseline(ctx, reached, left, (f) => candidates.get(f.order.id)!, (f) => orderCandidates(ctx, f, left, settings), capacity)) {
    baseline.set(d.order, d);
  }
  // Out of time (now, or while the problem is built): the baseline start is the plan; building
  // the problem costs about half as much as the candidates did, for a search with no time left.
  const startOnly = (): BuiltProblem => {
    const stoppedAtStart = sorted.map((f) => {
      const kept = fixed?.has(f.order.id) === true ? baseline.get(f.order.id) : undefined;
      if (kept !== undefined) return kept;
      const found = candidates.get(f.order.id);
      if (found === undefined) return notExamined(f.order.id);
      return 'status' in found ? found : baseline.get(f.order.id)!;
    });
    return { problem: new ProblemBuilder(ctx.model, () => 0).problem, start: [], fallback: [], decisions: [], stoppedAtStart };
  };
  if (examined < sorted.length || shouldStop?.() === true) return startOnly();
  const builder = new ProblemBuilder(ctx.model, (node, sku) => stock.available(node, sku));
  const start: number[] = [];
  const fallback: Unplanned[] = [];
  for (const [i, f] of sorted.entries()) {
    if (i % CHECKPOINT_EVERY === 0) {
      await checkpoint?.('candidates', sorted.length + i, 2 * sorted.length);
      if (shouldStop?.() === true) return startOnly();
    }
    const given = fixed?.get(f.order.id);
    if (given !== undefined) {
      // The given routing is the order's only choice: no move can take it elsewhere.
      start.push(builder.add({ facts: f, options: [] }, given));
      fallback.push(unplanned(f.order.id, 'CAPACITY', 'internal: a fixed order left unplanned'));
      continue;
    }
    const found = candidates.get(f.order.id)!;
    const base = baseline.get(f.order.id);
    if ('status' in found) {
      decisions.push(found);
      continue;
    }
    start.push(builder.add(found, base?.status === 'planned' ? base.parcels : undefined));
    fallback.push(
      base?.status === 'unplanned'
        ? base
        : unplanned(f.order.id, 'CAPACITY', 'Every routing that meets the deadline is full (ULD allotments, clearance slots or stock taken by other orders).'),
    );
  }
  return { problem: builder.problem, start, fallback, decisions, builder };
}

export async function optimise(
  ctx: ItineraryContext,
  facts: readonly OrderFacts[],
  stock: StockLedger,
  options: OptimiseOptions,
): Promise<OptimiseResult> {
  const index = ctx.model.index;
  const { checkpoint } = options;
  const built = await buildProblem(ctx, facts, stock, options.candidates ?? DEFAULT_CANDIDATES, checkpoint, options.shouldStop, options.fixed);
  if (built.stoppedAtStart !== undefined) {
    return { decisions: built.stoppedAtStart, lowerBoundMinor: null, timeLimited: true, partitions: 0, exactPartitions: 0 };
  }
  const { problem, start, fallback, decisions } = built;
  await checkpoint?.('solving');
  // Improve the whole problem first (passes stop once one no longer saves): partitions then
  // keep orders inside their origin group, so moves across groups (another country's base,
  // a split order) happen here or not at all. Partitions refine what is left, exactly where
  // small enough.
  const global = new Assignment(problem, index);
  start.forEach((c, o) => {
    if (c !== UNASSIGNED) global.assign(o, c);
  });
  improve(global, { maxPasses: options.globalPasses ?? GLOBAL_PASSES, leastPassSaving: GLOBAL_LEAST_PASS_SAVING, ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}) });
  // Orders through several origins (hubs, split orders) join their origins into one partition
  // while it stays small enough to solve exactly; without an exact backend nothing is joined.
  const joinUpTo = options.backend === null ? 0 : options.partition.exactMaxOrders;
  const { partitions, pinned } = partitionProblem(problem, global.choiceOf, { joinUpTo });

  const results = options.solvePartitions
    ? await options.solvePartitions(partitions, { kind: 'partitions' })
    : await solveInProcess(partitions, index, options);

  let timeLimited = false;
  let exactPartitions = 0;
  const choiceOf = new Int32Array(problem.orders.length).fill(UNASSIGNED);
  for (const o of pinned) choiceOf[o] = global.choiceOf[o] ?? UNASSIGNED;
  partitions.forEach((part, i) => {
    const result = results[i];
    if (result === undefined) throw new Error(`internal: partition ${i} has no result`);
    part.orders.forEach((o, j) => {
      const c = result.choiceOf[j] ?? UNASSIGNED;
      choiceOf[o] = c === UNASSIGNED ? UNASSIGNED : part.choiceMap[j]![c]!;
    });
    timeLimited ||= result.stopped;
    if (result.exact) exactPartitions++;
  });

  // Orders the search left out although they have choices: the repair step displaces orders
  // holding their scarce stock, clearance days or departures onto other choices (repair/).
  const merged = new Assignment(problem, index);
  choiceOf.forEach((c, o) => {
    if (c !== UNASSIGNED) merged.assign(o, c);
  });
  const repaired = repairUnserved(merged, options.shouldStop ? { shouldStop: options.shouldStop } : {});
  if (repaired.placed > 0) choiceOf.set(merged.choiceOf);
  timeLimited ||= repaired.stopped;
  const factsById = new Map(facts.map((f) => [f.order.id, f]));
  // The bound over every itinerary the network allows (bound/any-routing.ts), not only the
  // kept choices: an order's optimum may ride a departure none of its kept choices use. It
  // depends on which orders are served only, which the search below never changes (served
  // orders stay served, the others untouched): so it is computed while the search's first
  // sub-solves run on the pool, the same bound as after it.
  const servedNow = Uint8Array.from(choiceOf, (c) => (c === UNASSIGNED ? 0 : 1));
  // The lanes' shares (bound/share-ascent.ts) follow the plan as it stands here, before the
  // search changes it (however fast the pool runs): the same bound on any machine.
  const choiceAtBound = Int32Array.from(choiceOf);
  const shares = new LaneShares();
  const served = (o: number): boolean => servedNow[o] === 1;
  const floors = new Float64Array(problem.orders.length).fill(Infinity);
  let bounded = false;
  const onHand = (node: string, sku: string): number => stock.available(node, sku);
  let lanes: BoundLaneRate[] = [];
  let prices: StockPrices | undefined;
  let minimums: BoundOriginMinimum[] = [];
  /** Σ floors − what the stock prices give back + the origins' minimums (never below 0). */
  const boundOf = (): number => {
    let sum = anyRoutingBound(floors, served) - (prices?.charged(onHand) ?? 0);
    for (const m of minimums) sum += m.minMinor;
    return Math.max(0, sum);
  };
  /** Fills `floors`; `counted`: report the orders bounded (the bounding phase's own count). */
  const bound = async (phase: PlanPhase, counted: boolean): Promise<void> => {
    bounded = true;
    const factsOf = (id: string): OrderFacts | undefined => factsById.get(id);
    lanes = boundLaneTerms(ctx, problem, factsOf, served, onHand);
    let round = 0;
    for (const step of ascendShares(ctx, problem, choiceAtBound, factsOf, served, lanes, onHand, shares)) {
      if (step.roundEnded) options.onBoundRound?.(phase, ++round, MAX_ROUNDS, step.raising);
      if (checkpoint !== undefined) await checkpoint(phase, undefined);
      if (options.shouldStop?.() === true) {
        timeLimited = true;
        return;
      }
    }
    // The floors are filled in order: the sum so far over the orders bounded is itself a bound.
    let summed = 0;
    let partial = 0;
    const report = (done: number): void => {
      if (options.onBoundProgress === undefined) return;
      for (; summed < done; summed++) if (served(summed) && Number.isFinite(floors[summed]!)) partial += floors[summed]!;
      options.onBoundProgress(phase, done, problem.orders.length, Math.floor(Math.max(0, partial)));
    };
    for (const done of anyRoutingFloorSteps(ctx, problem, factsOf, served, floors, lanes, onHand, shares)) {
      report(done);
      if (checkpoint !== undefined) await checkpoint(phase, counted ? done : undefined);
      // Out of time: the orders not reached yet count nothing, so the bound stays valid, only weaker.
      if (options.shouldStop?.() === true) {
        timeLimited = true;
        return;
      }
    }
    report(problem.orders.length);
    /** Runs a step generator to its end, pausing at each yield; undefined when told to stop. */
    const drive = async <T>(steps: Generator<void, T, void>): Promise<{ value: T } | undefined> => {
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done === true) return { value: step.value };
        if (checkpoint !== undefined) await checkpoint(phase, undefined);
        if (options.shouldStop?.() === true) {
          timeLimited = true;
          return undefined;
        }
      }
    };
    const floorOf = orderFloors(ctx, lanes, shares);
    // Contested stock priced (bound/stock-prices.ts), when that raises the bound.
    const priced = await drive(priceContestedStock(index, problem, factsOf, served, floors, floorOf, onHand));
    if (priced === undefined) return;
    if (priced.value !== null) {
      for (const [o, floor] of priced.value.floors) floors[o] = floor;
      prices = priced.value.prices;
    }
    // The least departure charge of origins some order cannot avoid (bound/origin-minimums.ts).
    const charged = await drive(chargeOriginMinimums(index, problem, factsOf, served, floors, floorOf, onHand, prices));
    if (charged === undefined) return;
    for (const [o, floor] of charged.value.floors) floors[o] = floor;
    minimums = charged.value.minimums;
    if (prices !== undefined || minimums.length > 0) {
      const n = problem.orders.length;
      options.onBoundProgress?.(phase, n, n, Math.floor(boundOf()));
    }
  };
  // Across the partitions: neighbourhoods of related orders freed and re-solved exactly.
  if (options.backend !== null && !timeLimited && options.shouldStop?.() !== true) {
    const search = largeNeighbourhoodSearch(
      problem,
      index,
      choiceOf,
      NEIGHBOURHOODS,
      options.lns ?? lnsSettings(options.partition),
      (parts, wave, settings) =>
        options.solvePartitions
          ? options.solvePartitions(parts, { kind: 'neighbourhoods', wave, settings })
          : solveInProcess(parts, index, { ...options, partition: settings }, false),
      options.shouldStop,
      options.onSearchProgress,
    );
    // Awaited below; until then a failure of the search must not count as unhandled.
    search.catch(() => undefined);
    // Still the search's phase for progress: its sets keep reporting while the bound runs.
    await bound('solving', false);
    const lns = await search;
    timeLimited ||= lns.stopped;
  }
  // Itineraries outside every order's candidates, priced against the plan as it now stands:
  // orders moved one at a time, then whole departures closed (search/against-plan.ts).
  const reroute = options.reroute === undefined ? DEFAULT_REROUTE : options.reroute;
  if (reroute !== null && built.builder !== undefined && !timeLimited && options.shouldStop?.() !== true) {
    const now = new Assignment(problem, index);
    choiceOf.forEach((c, o) => {
      if (c !== UNASSIGNED) now.assign(o, c);
    });
    // A fixed order keeps the routing it was given (a re-plan's booked and kept orders).
    const movable = (o: number): OrderFacts | undefined => {
      const id = problem.orders[o]!.order;
      return options.fixed?.has(id) === true ? undefined : factsById.get(id);
    };
    const { stopped } = await improveAgainstPlan(ctx, built.builder, now, movable, reroute, options.close === undefined ? DEFAULT_CLOSE : options.close, {
      ...(options.onRerouteProgress ? { onProgress: options.onRerouteProgress } : {}),
      ...(checkpoint ? { pause: () => checkpoint('solving') } : {}),
      ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
    });
    timeLimited ||= stopped;
    choiceOf.set(now.choiceOf);
  }

  const leftover: OrderFacts[] = [];
  problem.orders.forEach((order, o) => {
    const c = choiceOf[o] ?? UNASSIGNED;
    const f = factsById.get(order.order);
    if (c !== UNASSIGNED) decisions.push({ order: order.order, status: 'planned', parcels: order.choices[c]!.parcels });
    else if (f === undefined) decisions.push(fallback[o]!);
    else leftover.push(f);
  });
  decisions.push(...answerLeftovers(ctx, leftover, decisions, factsById, stock, options.candidates ?? DEFAULT_CANDIDATES));
  const total = merged.total;
  await checkpoint?.('bounding');
  // Out of time before bounding: no bound (the plan says so: gap null), rather than bound work
  // that would run past the limit; assembly and verification still follow.
  if (options.shouldStop?.() === true) {
    return { decisions, lowerBoundMinor: null, timeLimited: true, partitions: partitions.length, exactPartitions };
  }
  if (!bounded) await bound('bounding', true);
  const overAnyRouting = boundOf();
  const lowerBoundMinor = Math.floor(Math.min(total, overAnyRouting));
  // The planned orders the bound leaves out: those the leftover step planned after it.
  const boundedIds = new Set(problem.orders.filter((_, o) => served(o)).map((po) => po.order));
  const unbounded = decisions.filter((d) => d.status === 'planned' && !boundedIds.has(d.order)).map((d) => d.order);
  const boundCertificate: BoundCertificate = {
    method: 'any_routing', exactSourcingLines: EXACT_SOURCING_LINES, lanes, unbounded, floorsMinor: overAnyRouting,
  };
  const laneShares = shares.toCertificate();
  if (laneShares.length > 0) boundCertificate.laneShares = laneShares;
  if (prices !== undefined) boundCertificate.stockPrices = prices.toCertificate();
  if (minimums.length > 0) boundCertificate.originMinimums = minimums;
  return { decisions, lowerBoundMinor, boundCertificate, timeLimited, partitions: partitions.length, exactPartitions };
}

/**
 * Orders the search left unplanned, answered again against what the final plan leaves: the
 * baseline's step plans each (creation order) if the stock and room the search freed now allow
 * it, else gives the reason that holds against the final plan — not the baseline's reason from
 * before the search moved other orders (the verifier judges NO_STOCK after the plan's draws).
 * The lower bound is not affected: it bounds the orders the search planned, fewer than these.
 */
function answerLeftovers(
  ctx: ItineraryContext,
  leftover: readonly OrderFacts[],
  decided: readonly OrderDecision[],
  factsById: ReadonlyMap<string, OrderFacts>,
  stock: StockLedger,
  settings: CandidateSettings,
): OrderDecision[] {
  if (leftover.length === 0) return [];
  const left = stock.clone();
  const capacity = new CapacityLedger(ctx.model);
  for (const d of decided) {
    const order = factsById.get(d.order)?.order;
    if (d.status !== 'planned' || order === undefined) continue;
    for (const p of d.parcels) {
      const lines = p.lines.map((l) => ({ line: order.lines[l.line]!, qty: l.qty }));
      for (const { line, qty } of lines) left.take(p.source, line.sku, qty);
      capacity.commit(p.legs, measureLines(lines));
    }
  }
  const live = (f: OrderFacts) => orderCandidates(ctx, f, left, settings);
  return chooseBaseline(ctx, [...leftover].sort(byCreation), left, live, live, capacity);
}

async function solveInProcess(
  partitions: readonly Partition[],
  index: NetworkIndex,
  options: OptimiseOptions,
  report = true,
): Promise<PartitionResult[]> {
  const results: PartitionResult[] = [];
  // No clock here: the exact solves get their node budget only (a time limit reaches them
  // through the edge's own solvePartitions, as the planner's does).
  const limits = options.shouldStop ? { shouldStop: options.shouldStop } : {};
  for (const part of partitions) {
    results.push(await solvePartition(part, index, options.backend, options.partition, limits));
    if (report) options.onPartitionDone?.(results.length, partitions.length);
  }
  return results;
}
