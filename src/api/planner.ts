// The library API: `createPlanner` checks a network and stock once, keeps what planning
// needs between batches (the network index, the itinerary context, a worker pool), and
// plans batches of orders into verified plans. This is the composition place at the edge:
// it picks the solver and the pool, reads the clock for time limits, and honours AbortSignal.
import os from 'node:os';
import { UsageError } from '../domain/errors.js';
import { type NetworkIndex, indexNetwork } from '../domain/network-index.js';
import type { Network } from '../domain/network.js';
import type { Order, StockRecord } from '../domain/orders.js';
import type { Plan } from '../domain/plan.js';
import { DEFAULT_SOLVER, SOLVERS, type SolverName, planBatch } from '../engine/plan-batch.js';
import { type ItineraryContext, createItineraryContext } from '../graph/index.js';
import type { SolvePartitions } from '../optimise/optimise.js';
import { AbortError, untilAborted } from '../pool/errors.js';
import { solveInThread } from '../pool/in-thread.js';
import type { PartitionExecutor } from '../pool/executor.js';
import { PartitionPool, type SolveRequest } from '../pool/partition-pool.js';
import { createTimeModel } from '../time/index.js';
import { isCheckedNetwork, wasChecked } from '../io/checked-inputs.js';
import { checkNetworkValue, checkOrdersValue, checkStockValue } from './check-inputs.js';
import { type OrderQuote, Quoter, type QuoteOptions } from './quote.js';
import { prepareReplan, type PreparedReplan, type ReplanRequest } from './replan.js';

export interface PlannerOptions {
  /** A parsed network (e.g. `JSON.parse` of network.json, or `loadNetwork(path)`); checked here. */
  network: Network;
  /** Stock per node and SKU, shared by every batch this planner plans; checked here. */
  stock: readonly StockRecord[];
  /** Worker threads solving partitions; 0 solves them on the calling thread. @default os.availableParallelism() */
  workers?: number;
  /** @default 'highs' */
  solver?: SolverName;
  /**
   * Most legs of one itinerary (hub networks where parcels transfer often need more); orders
   * whose every routing is longer are answered NO_ROUTE. @default MAX_LEGS (6)
   */
  maxLegs?: number;
  /**
   * Solves the partitions instead of a thread pool of `workers`, e.g. the BullMQ queue of
   * `connectQueueExecutor` (src/queue). The caller closes it; the planner does not.
   */
  executor?: PartitionExecutor;
}

/** Time kept back from a time limit per order, for assembling and verifying the plan (measured
 *  at ~0.06 ms an order on the reference machine, idle). */
const FINISH_RESERVE_MS_PER_ORDER = 0.1;
/**
 * The same reserve measured on this run, as a share of the first pass over the orders (checking
 * them, their candidates): assembling and verifying took 0.3–0.8 of it (M and L batches, idle),
 * and on the L batch under heavy load (bench/anytime.ts --large, load average ~16 on 2 cores) a
 * 0.6 reserve overran a 60 s limit by 13 s. On a slow or busy machine both are slower alike, so
 * the reserve grows with what the run shows.
 */
const FINISH_RESERVE_PER_CANDIDATES_MS = 1.2;
/**
 * While the orders are still being examined, stopping there costs what follows for the orders
 * examined so far — the baseline over them, assembling and verifying their plan — kept back as
 * a multiple of the time examining them took (so a busy machine keeps back more), plus a pass
 * over every answer of the batch (the rest answered TIME_LIMIT). Measured on the L batch
 * (bench/anytime.ts --large, a heavily loaded machine): baseline + assembly + verification of
 * the orders examined took up to ~2.4 times as long as examining them (the baseline commits
 * stock and capacity per order, the verifier prices every consolidation), and the pass over
 * every answer ~0.005 ms an order (load average 3 on 2 cores, after the answers stopped being
 * built with `delete`; ~0.02 before): twice that is kept.
 */
const STOP_RESERVE_PER_EXAMINING_MS = 2.5;
const STOP_RESERVE_MS_PER_ORDER = 0.01;

/**
 * Where a plan is. `candidates`: orders examined, itineraries searched, the start built;
 * `solving`: partitions being improved (`partitionsDone` of `partitionsTotal`); `bounding`:
 * the lower bound and assembly; `verifying`: the independent verifier at work; `done`: the
 * verified plan, with its cost and bound.
 */
export type PlanPhase = 'candidates' | 'solving' | 'bounding' | 'verifying' | 'done';

export interface PlanProgress {
  phase: PlanPhase;
  partitionsDone: number;
  partitionsTotal: number;
  /**
   * How far the phase is, in its own units: `candidates` orders examined (two passes, so of
   * twice the orders), `solving` partitions, `bounding` orders bounded so far (no total;
   * none with an exact backend, whose bound is computed while the search runs).
   */
  done?: number;
  total?: number;
  /** `solving`, after the partitions: sets of orders freed and re-solved so far by the large-neighbourhood search. */
  neighbourhoodsSolved?: number;
  /** With `neighbourhoodsSolved`: the most sets the search will solve (its work budget; it ends sooner once a round saves nothing). */
  neighbourhoodsBudget?: number;
  /** With `neighbourhoodsSolved` or `ordersRepriced`: the cost of the plan the search holds, minor units (before assembly; the plan's own total may differ by rounding). */
  searchCostMinor?: number;
  /**
   * `solving`, after the neighbourhood search: orders whose itineraries were searched again,
   * priced against the plan (src/optimise/search/reroute.ts), of `ordersToReprice` (its first
   * pass's, then its second's added).
   */
  ordersRepriced?: number;
  ordersToReprice?: number;
  /**
   * `solving` (or `bounding`), before any order is bounded: rounds of the lanes' share ascent done
   * (src/optimise/bound/share-ascent.ts), of at most `boundRounds`, and the parcels of the plan
   * still raising a share (the ascent ends early when none is).
   */
  boundRound?: number;
  boundRounds?: number;
  parcelsRaising?: number;
  /** `solving` (or `bounding`), while the lower bound is computed: orders bounded so far, of `ordersToBound`. */
  ordersBounded?: number;
  ordersToBound?: number;
  /** The plan's total cost, minor units (on `done`). */
  bestCostMinor?: number;
  /**
   * The plan's lower bound, minor units (on `done`, when there is one); with `ordersBounded`, a
   * lower bound already valid (orders not bounded yet count nothing), rising to the plan's: with
   * `searchCostMinor` it shows the gap closing.
   */
  boundMinor?: number;
}

export interface PlanOptions {
  /** Stop searching after this long and return the best verified plan so far (`timeLimited: true`). */
  timeLimitMs?: number;
  /** Aborting rejects the plan with an AbortError and cancels its running partitions. */
  signal?: AbortSignal;
  onProgress?: (event: PlanProgress) => void;
}

export interface PlannerStatus {
  /** Configured worker threads (0: in-process). */
  workers: number;
  /** Live worker threads. */
  threads: number;
  /** Partition tasks submitted and not yet settled. */
  busy: number;
  /** Partition tasks waiting for a thread. */
  queued: number;
}

export interface Planner {
  readonly network: Network;
  readonly solver: SolverName;
  readonly workers: number;
  /** Plans a batch: every order appears in the plan, planned or unplanned with a reason. Verified. */
  plan(orders: readonly Order[], options?: PlanOptions): Promise<Plan>;
  /**
   * A delivery promise for one order not yet placed, per fulfilment mode it may use, priced at
   * its marginal cost against `options.against`, else the base plan (`setBasePlan`), else an
   * empty network (said in the answer). Plans nothing and books nothing.
   */
  quote(order: Order, options?: QuoteOptions): Promise<OrderQuote>;
  /** The plan quotes are priced against when they name none (null: an empty network). */
  setBasePlan(plan: Plan | null): void;
  /**
   * Plans again around what is booked (src/api/replan.ts): booked consolidations of
   * `request.previous` and their parcels stay exactly as they were, disruptions in
   * `request.events` are honoured, the other orders (new, unbooked, affected) are planned around
   * them. The plan carries `replan` (churn, missed promises) and is verified, booked parts included.
   */
  replan(request: ReplanRequest, options?: PlanOptions): Promise<Plan>;
  status(): PlannerStatus;
  /** Stops the worker threads (after running tasks finish). Idempotent. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export function createPlanner(options: PlannerOptions): Planner {
  const solver = options.solver ?? DEFAULT_SOLVER;
  if (!SOLVERS.includes(solver)) throw new UsageError(`createPlanner: solver must be one of ${SOLVERS.join(', ')}, got "${String(solver)}"`);
  const workers = options.workers ?? os.availableParallelism();
  if (!Number.isInteger(workers) || workers < 0) throw new UsageError(`createPlanner: workers must be an integer >= 0, got ${workers}`);
  // A network loaded from a file is checked (and frozen) already: not parsed and checked twice.
  const network = isCheckedNetwork(options.network) ? options.network : checkNetworkValue(options.network);
  const stock = checkStockValue(options.stock, network);
  const index = indexNetwork(network);
  const ctx = createItineraryContext(createTimeModel(index), options.maxLegs === undefined ? {} : { maxLegs: options.maxLegs });
  // The baseline solves no partitions: it needs no threads.
  const startPool = options.executor === undefined && workers > 0 && solver !== 'baseline' ? () => new PartitionPool({ network, size: workers, preload: solver }) : null;
  return new BatchPlanner(network, stock, solver, workers, index, ctx, startPool, options.executor ?? null, { network: options.network, stock: options.stock });
}

class BatchPlanner implements Planner {
  #closed = false;
  #quoter: Quoter | null = null;
  /**
   * The worker threads, started by the first run that may use them (then kept): a run whose
   * time limit is over before it examines an order solves nothing, and starting threads that
   * load the whole optimiser would only take the cores from the answer it has to give.
   */
  #pool: PartitionPool | null = null;

  constructor(
    readonly network: Network,
    private readonly stock: readonly StockRecord[],
    readonly solver: SolverName,
    readonly workers: number,
    private readonly index: NetworkIndex,
    private readonly ctx: ItineraryContext,
    private readonly startPool: (() => PartitionPool) | null,
    private readonly executor: PartitionExecutor | null,
    /** The objects the caller passed: orders `loadInputs` checked against these need no second check. */
    private readonly given: { network: Network; stock: readonly StockRecord[] },
  ) {}

  async plan(orders: readonly Order[], options: PlanOptions = {}): Promise<Plan> {
    return this.run('planner.plan', orders, options, null);
  }

  async replan(request: ReplanRequest, options: PlanOptions = {}): Promise<Plan> {
    if (this.#closed) throw new UsageError('planner.replan: the planner is closed');
    return this.run('planner.replan', request.orders, options, request);
  }

  private async run(caller: string, orders: readonly Order[], options: PlanOptions, replanning: ReplanRequest | null): Promise<Plan> {
    if (this.#closed) throw new UsageError(`${caller}: the planner is closed`);
    const { signal, onProgress, timeLimitMs } = options;
    if (timeLimitMs !== undefined && !(Number.isFinite(timeLimitMs) && timeLimitMs > 0)) {
      throw new UsageError(`${caller}: timeLimitMs must be a number of milliseconds > 0, got ${timeLimitMs}`);
    }
    // A function, not a narrowed property: the signal changes between the checks.
    const aborted = (): boolean => signal?.aborted === true;
    if (aborted()) throw new AbortError(signal?.reason);
    // The search stops early enough to leave time for assembly and verification, which run
    // after it whatever happens: a reserve per order, raised when the candidates phase shows
    // this machine is slower than that (see FINISH_RESERVE_PER_CANDIDATES_MS).
    const limitEndMs = timeLimitMs === undefined ? null : Date.now() + timeLimitMs;
    let reserveMs = FINISH_RESERVE_MS_PER_ORDER * orders.length;
    const deadline = (): number | null => (limitEndMs === null ? null : limitEndMs - reserveMs);
    // Until the first pass over the orders (examining them) is over, the limit is met by stopping
    // where the run is: the orders not reached are answered TIME_LIMIT (see stopReserveMs).
    // Before that pass starts (the orders checked, their facts gathered), nothing has been
    // examined yet: stopping costs only the pass over every answer.
    let examining = true;
    let candidatesStartMs: number | null = null;
    const stopReserveMs = (nowMs: number): number =>
      STOP_RESERVE_MS_PER_ORDER * orders.length + (candidatesStartMs === null ? 0 : STOP_RESERVE_PER_EXAMINING_MS * (nowMs - candidatesStartMs));
    const emit = (phase: PlanPhase, done: number, total: number, plan?: Plan, work?: { done: number; total?: number }) =>
      onProgress?.({
        phase,
        partitionsDone: done,
        partitionsTotal: total,
        ...(phase === 'solving' ? { done, total } : {}),
        ...(work === undefined ? {} : { done: work.done, ...(work.total === undefined ? {} : { total: work.total }) }),
        ...(plan === undefined ? {} : { bestCostMinor: plan.totals.cost.total }),
        ...(plan?.totals.lowerBoundMinor == null ? {} : { boundMinor: plan.totals.lowerBoundMinor }),
      });

    if (limitEndMs === null || Date.now() < limitEndMs - stopReserveMs(Date.now())) this.pool();
    emit('candidates', 0, 0);
    const checked = wasChecked(orders, this.given.network, this.given.stock) ? orders : checkOrdersValue(orders, this.network, this.stock);
    const prepared: PreparedReplan | null = replanning === null ? null : prepareReplan(this.network, this.ctx, this.stock, replanning, checked);
    let total = 0;
    // The latest of the search's and the bound's figures: each event carries both, so a listener sees cost and bound together.
    let search: Pick<PlanProgress, 'neighbourhoodsSolved' | 'neighbourhoodsBudget' | 'searchCostMinor' | 'ordersRepriced' | 'ordersToReprice'> = {};
    // The ascent's rounds until the first orders are bounded, then the orders bounded.
    let bounding: Pick<PlanProgress, 'boundRound' | 'boundRounds' | 'parcelsRaising' | 'ordersBounded' | 'ordersToBound' | 'boundMinor'> = {};
    const solvePartitions: SolvePartitions = async (partitions, stage) => {
      // Between phases: the candidates phase ran without yielding, an abort may be waiting.
      if (aborted()) throw new AbortError(signal?.reason);
      if (stage?.kind === 'neighbourhoods') {
        // Waves of freed sets: counted in sets solved so far, of the search's budget (onSearchProgress).
        const request: SolveRequest = {
          solver: this.solver === 'baseline' ? 'heuristic' : this.solver,
          settings: stage.settings,
          deadlineMs: deadline(),
          ...(signal === undefined ? {} : { signal }),
        };
        return ((this.executor ?? this.pool())?.solver(request, this.network) ?? solveInThread(this.index, request))(partitions);
      }
      total = partitions.length;
      emit('solving', 0, total);
      // Made now: the deadline is final once the candidates phase has set the reserve.
      const request: SolveRequest = {
        solver: this.solver === 'baseline' ? 'heuristic' : this.solver,
        deadlineMs: deadline(),
        ...(signal === undefined ? {} : { signal }),
        onProgress: (done, of) => emit('solving', done, of),
      };
      const solveAll = (this.executor ?? this.pool())?.solver(request, this.network) ?? solveInThread(this.index, request);
      return solveAll(partitions);
    };
    let verifying = false;
    const planned = planBatch(prepared?.ctx ?? this.ctx, checked, this.stock, {
      solver: this.solver,
      ...(prepared === null ? {} : { replan: prepared.replan }),
      shouldStop: () => {
        if (aborted()) return true;
        if (limitEndMs === null) return false;
        const nowMs = Date.now();
        return examining ? nowMs >= limitEndMs - stopReserveMs(nowMs) : nowMs >= (deadline() ?? Infinity);
      },
      solvePartitions,
      onSearchProgress: (neighbourhoodsSolved, costMinor, neighbourhoodsBudget) => {
        search = { neighbourhoodsSolved, neighbourhoodsBudget, searchCostMinor: Math.round(costMinor) };
        onProgress?.({ phase: 'solving', partitionsDone: total, partitionsTotal: total, ...search, ...bounding });
      },
      onRerouteProgress: (ordersRepriced, ordersToReprice, costMinor) => {
        search = { ...search, ordersRepriced, ordersToReprice, searchCostMinor: Math.round(costMinor) };
        onProgress?.({ phase: 'solving', partitionsDone: total, partitionsTotal: total, ...search, ...bounding });
      },
      onBoundRound: (phase, boundRound, boundRounds, parcelsRaising) => {
        bounding = { boundRound, boundRounds, parcelsRaising };
        onProgress?.({ phase, partitionsDone: total, partitionsTotal: total, ...search, ...bounding });
      },
      onBoundProgress: (phase, ordersBounded, ordersToBound, boundMinor) => {
        bounding = { ordersBounded, ordersToBound, boundMinor };
        onProgress?.({ phase, partitionsDone: total, partitionsTotal: total, ...search, ...bounding });
      },
      // The core calls this between phases and every few hundred orders (examined or bounded):
      // yield to the event loop so an abort can land, then honour it.
      checkpoint: async (phase, done, of) => {
        // An abort that came during the stretch before this checkpoint: no progress after it.
        if (aborted()) throw new AbortError(signal?.reason);
        if (phase === 'bounding' && done === undefined) emit('bounding', total, total);
        if (phase === 'verifying' && !verifying) {
          verifying = true;
          emit('verifying', total, total);
        }
        // The first pass starts when the orders are checked: its clock starts with it.
        if (phase === 'candidates' && done === 0 && of !== undefined && of > 0 && candidatesStartMs === null) candidatesStartMs = Date.now();
        if (phase === 'candidates' && done !== undefined && of !== undefined && 2 * done >= of) examining = false;
        // In the first pass (examining the orders: `done` < half of `of`), project its length.
        if (phase === 'candidates' && done !== undefined && of !== undefined && done > 0 && 2 * done < of && candidatesStartMs !== null) {
          const projectedMs = ((Date.now() - candidatesStartMs) * of) / (2 * done);
          reserveMs = Math.max(FINISH_RESERVE_MS_PER_ORDER * orders.length, FINISH_RESERVE_PER_CANDIDATES_MS * projectedMs);
        }
        if ((phase === 'candidates' || phase === 'bounding') && done !== undefined) {
          emit(phase, phase === 'candidates' ? 0 : total, phase === 'candidates' ? 0 : total, undefined, { done, ...(of === undefined ? {} : { total: of }) });
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (aborted()) throw new AbortError(signal?.reason);
      },
    });
    const plan = await (signal === undefined ? planned : untilAborted(planned, signal));
    if (aborted()) throw new AbortError(signal?.reason);
    emit('done', total, total, plan);
    return plan;
  }

  async quote(order: Order, options: QuoteOptions = {}): Promise<OrderQuote> {
    if (this.#closed) throw new UsageError('planner.quote: the planner is closed');
    return this.quoter().quote(order, options);
  }

  setBasePlan(plan: Plan | null): void {
    this.quoter().setBasePlan(plan);
  }

  /** The thread pool, started on first use; null when this planner solves in this thread or on an executor. */
  private pool(): PartitionPool | null {
    if (this.#pool === null && this.startPool !== null && !this.#closed) this.#pool = this.startPool();
    return this.#pool;
  }

  private quoter(): Quoter {
    return (this.#quoter ??= new Quoter(this.network, this.stock, this.index, this.ctx));
  }

  status(): PlannerStatus {
    return {
      workers: this.workers,
      threads: this.#pool?.threads ?? 0,
      busy: this.#pool?.busy ?? 0,
      queued: this.#pool?.queued ?? 0,
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool?.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
