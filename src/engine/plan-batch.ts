// One batch, start to finish, in the pure core: examine orders, choose (baseline or
// optimiser), price the plan, and verify it independently. A plan that fails verification
// never leaves here: it is a planner bug, raised as a VerificationError.
import { VerificationError } from '../domain/errors.js';
import type { Order, StockRecord } from '../domain/orders.js';
import type { BoundCertificate, Plan } from '../domain/plan.js';
import type { ItineraryContext } from '../graph/itineraries.js';
import { type AssembleInput, assemblePlan } from '../optimise/pricing/assemble.js';
import { planBaseline } from '../optimise/start/baseline.js';
import type { CandidateSettings } from '../optimise/choices/candidates.js';
import type { OrderDecision } from '../optimise/model/decisions.js';
import { type Checkpoint, notExamined, optimise, type PlanPhase, type SolvePartitions } from '../optimise/optimise.js';
import { examineOrder, type OrderFacts } from '../optimise/choices/order-facts.js';
import type { PartitionSettings } from '../optimise/partition/solve-partition.js';
import { StockLedger } from '../optimise/ledger/stock-ledger.js';
import { coverageWarnings } from '../time/coverage.js';
import { wireSolver } from './solver-wiring.js';
import { type BookedParts, verifyTypedPlan } from '../verify/index.js';
import { commitFixed, type FixedRoutings } from '../optimise/replan/fixed.js';
import { CapacityLedger } from '../optimise/ledger/capacity.js';
import type { ReplanReport } from '../domain/replan-report.js';

/**
 * `baseline`: each order alone on its cheapest itinerary (the yardstick).
 * `heuristic`: the optimiser without an exact solver.
 * `highs`, `lp-solver`: the optimiser, small partitions also solved exactly by that backend.
 */
export const SOLVERS = ['highs', 'lp-solver', 'heuristic', 'baseline'] as const;
export type SolverName = (typeof SOLVERS)[number];
export const DEFAULT_SOLVER: SolverName = 'highs';

export interface PlanBatchOptions {
  solver: SolverName;
  candidates?: CandidateSettings;
  /** @default the solver's own (see wireSolver) */
  partition?: PartitionSettings;
  /** Polled during the search; true stops it with the best plan so far (time limit, abort). */
  shouldStop?: () => boolean;
  solvePartitions?: SolvePartitions;
  onPartitionDone?: (done: number, total: number) => void;
  /** See OptimiseOptions.onSearchProgress. */
  onSearchProgress?: (neighbourhoodsSolved: number, costMinor: number, neighbourhoodsBudget: number) => void;
  /** See OptimiseOptions.onRerouteProgress. */
  onRerouteProgress?: (ordersRepriced: number, ordersToReprice: number, costMinor: number) => void;
  /** See OptimiseOptions.onBoundProgress. */
  onBoundProgress?: (phase: PlanPhase, ordersBounded: number, ordersToBound: number, boundMinor: number) => void;
  /** See OptimiseOptions.onBoundRound. */
  onBoundRound?: (phase: PlanPhase, round: number, rounds: number, parcelsRaising: number) => void;
  /** Awaited between phases and inside the long ones (see OptimiseOptions.checkpoint). */
  checkpoint?: Checkpoint;
  /** A re-plan (src/api/replan.ts): orders kept on their routing, the booked parts the verifier
   *  checks, and the report added to the plan before it is verified. */
  replan?: {
    fixed: FixedRoutings;
    booked: BookedParts;
    report: (plan: Plan) => ReplanReport;
  };
}

/**
 * `orders` are checked (src/api/check-inputs.ts or the loader: ids unique, every field valid);
 * the planner hands over no others, so nothing here checks them again.
 */
export async function planBatch(
  ctx: ItineraryContext,
  orders: readonly Order[],
  stock: readonly StockRecord[],
  options: PlanBatchOptions,
): Promise<Plan> {
  const { model } = ctx;
  const facts: OrderFacts[] = [];
  const decisions: OrderDecision[] = [];
  const deadlines = new Map<string, number>();
  let fromMs = Infinity;
  let toMs = -Infinity;
  for (const [i, order] of orders.entries()) {
    // A time limit shorter than loading took (or just as short) may be over before the first
    // order: then no order is examined and every one is answered so, without the work of
    // examining them (on 100,000 orders that work alone would overrun a short limit). Not in a
    // re-plan: its kept orders must keep their booked routings, examined or not.
    if (i % EXAMINE_POLL_EVERY === 0 && options.replan === undefined && options.shouldStop?.() === true) return answerNotExamined(ctx, orders, stock, options);
    const f = examineOrder(model, order);
    if ('status' in f) {
      decisions.push(f);
      continue;
    }
    facts.push(f);
    deadlines.set(order.id, f.deadlineMs);
    fromMs = Math.min(fromMs, f.createdMs);
    toMs = Math.max(toMs, f.deadlineMs);
  }
  let lowerBoundMinor: number | null = null;
  let boundCertificate: BoundCertificate | undefined;
  let timeLimited = false;
  if (options.solver === 'baseline') {
    // A loop, not push(...): a spread passes every element as an argument, and past ~125,000
    // orders that overflows the call stack (RangeError).
    const ledger = new StockLedger(stock);
    const capacity = new CapacityLedger(model);
    const fixed = options.replan?.fixed;
    for (const d of commitFixed(facts, fixed, ledger, capacity)) decisions.push(d);
    const free = fixed === undefined ? facts : facts.filter((f) => !fixed.has(f.order.id));
    for (const d of planBaseline(ctx, free, ledger, options.candidates, capacity)) decisions.push(d);
  } else {
    const wiring = wireSolver(options.solver);
    const result = await optimise(ctx, facts, new StockLedger(stock), {
      backend: wiring.backend,
      partition: options.partition ?? wiring.partition,
      ...(options.candidates ? { candidates: options.candidates } : {}),
      ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
      ...(options.solvePartitions ? { solvePartitions: options.solvePartitions } : {}),
      ...(options.onPartitionDone ? { onPartitionDone: options.onPartitionDone } : {}),
      ...(options.onSearchProgress ? { onSearchProgress: options.onSearchProgress } : {}),
      ...(options.onRerouteProgress ? { onRerouteProgress: options.onRerouteProgress } : {}),
      ...(options.onBoundProgress ? { onBoundProgress: options.onBoundProgress } : {}),
      ...(options.onBoundRound ? { onBoundRound: options.onBoundRound } : {}),
      ...(options.checkpoint ? { checkpoint: options.checkpoint } : {}),
      ...(options.replan ? { fixed: options.replan.fixed } : {}),
    });
    for (const d of result.decisions) decisions.push(d);
    lowerBoundMinor = result.lowerBoundMinor;
    boundCertificate = result.boundCertificate;
    timeLimited = result.timeLimited;
  }
  return priceAndVerify(ctx, orders, stock, options, {
    decisions,
    deadlines,
    timeLimited,
    lowerBoundMinor,
    ...(boundCertificate !== undefined ? { boundCertificate } : {}),
    warnings: facts.length > 0 ? coverageWarnings(model, fromMs, toMs) : [],
  });
}

/** Orders checked between two polls of `shouldStop` while their facts are gathered. */
const EXAMINE_POLL_EVERY = 1000;

/** The plan of a run stopped before any order was examined: every order TIME_LIMIT. */
function answerNotExamined(ctx: ItineraryContext, orders: readonly Order[], stock: readonly StockRecord[], options: PlanBatchOptions): Promise<Plan> {
  const decisions = orders.map((o) => notExamined(o.id));
  return priceAndVerify(ctx, orders, stock, options, { decisions, deadlines: new Map(), timeLimited: true, lowerBoundMinor: null, warnings: [] });
}

/** The decisions priced into a Plan, which leaves only once the independent verifier passes it. */
async function priceAndVerify(
  ctx: ItineraryContext,
  orders: readonly Order[],
  stock: readonly StockRecord[],
  options: PlanBatchOptions,
  outcome: Pick<AssembleInput, 'decisions' | 'deadlines' | 'timeLimited' | 'lowerBoundMinor' | 'boundCertificate' | 'warnings'>,
): Promise<Plan> {
  const { model } = ctx;
  const assembled = assemblePlan({ model, orders, solver: options.solver, ...outcome });
  const plan = options.replan === undefined ? assembled : { ...assembled, replan: options.replan.report(assembled) };
  await options.checkpoint?.('verifying');
  // Typed: the engine built the plan, the schema parse would only cost time (not a check).
  const verdict = verifyTypedPlan({ model, orders, stock, ...(options.replan ? { booked: options.replan.booked } : {}) }, plan);
  if (!verdict.ok) throw new VerificationError(verdict.violations);
  return plan;
}

