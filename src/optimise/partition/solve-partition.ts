// Solves one partition: local search from the feasible start, then — when the partition is
// small enough — the exact MILP through a solver backend. The MILP answer is re-priced with
// the real tariff and taken only if it is feasible under the partition's quotas and cheaper.
// Returns plain data (the worker pool sends it back as is).
import type { NetworkIndex } from '../../domain/network-index.js';
import type { SolverBackend } from '../../solvers/backend.js';
import { Assignment, UNASSIGNED } from '../model/assignment.js';
import { improve, IMPROVEMENT_MINOR } from '../search/local-search.js';
import { buildMilp, choicesFromSolution } from '../exact/milp.js';
import type { Partition } from './partition.js';

export interface PartitionSettings {
  /** Improvement passes of the local search. */
  maxPasses: number;
  /** Partitions with at most this many orders are also solved exactly. */
  exactMaxOrders: number;
  /**
   * Budget of one exact solve, in branch-and-bound nodes: work, not milliseconds, so that a
   * slower or busier machine returns the same plan. A solve it stops is not used.
   */
  exactMaxNodes: number;
  /**
   * Use the best solution a node-limited solve found, not only a proven optimum (the large-
   * neighbourhood search's sub-solves: a small node budget, many solves). @default false
   */
  acceptIncumbent?: boolean;
  /** Build the MILP without own-consolidation rows that can never win (milp.ts, MilpOptions.pruneOwn). @default false */
  pruneOwn?: boolean;
  /** The neighbourhood search's sub-solves with `pruneOwn` (src/engine/solver-wiring.ts says for which backend). @default false */
  searchPruneOwn?: boolean;
  /** Build the MILP with chargeable weights as real numbers (milp.ts, MilpOptions.relaxRounding). @default false */
  relaxRounding?: boolean;
  /**
   * Solve the MILP with relaxRounding first, and the exact one as well only when the relaxed
   * answer, re-priced, saves nothing while the relaxed optimum leaves room below the start (it
   * lies at or below the real optimum): the partitions' way, most of them answered by the
   * faster relaxed solve. @default false
   */
  relaxFirst?: boolean;
}

/** Limits of the edge's own making, passed down as functions (the core reads no clock). */
export interface PartitionLimits {
  /** Checked between moves; true ends the search with the best answer so far. */
  shouldStop?: () => boolean;
  /**
   * Milliseconds left of the user's time limit, asked just before an exact solve (the one
   * wall-clock budget: when it does not bind, the answer is the one without it).
   */
  timeLeftMs?: () => number;
}

export interface PartitionResult {
  choiceOf: number[];
  totalMinor: number;
  /** The answer is a proven optimum of the partition (within the rounding allowance). */
  exact: boolean;
  /**
   * The exact step answered: an optimum of its model (the partition's own, or one with
   * relaxRounding, which proves nothing of the partition) or, with acceptIncumbent, its best
   * within the node budget. Taken only if it is cheaper re-priced.
   */
  modelAnswered: boolean;
  passes: number;
  moves: number;
  stopped: boolean;
}

export async function solvePartition(
  part: Partition,
  index: NetworkIndex,
  backend: SolverBackend | null,
  settings: PartitionSettings,
  limits: PartitionLimits = {},
): Promise<PartitionResult> {
  const { shouldStop, timeLeftMs } = limits;
  const { problem } = part;
  let best = new Assignment(problem, index);
  part.start.forEach((c, o) => {
    if (c !== UNASSIGNED) best.assign(o, c);
  });
  const stats = improve(best, { maxPasses: settings.maxPasses, ...(shouldStop ? { shouldStop } : {}) });
  const served = Array.from(best.choiceOf, (c) => c !== UNASSIGNED);
  let exact = false;
  let modelAnswered = false;
  let stopped = stats.stopped;

  const servedCount = served.filter(Boolean).length;
  if (backend !== null && servedCount > 0 && servedCount <= settings.exactMaxOrders && !stats.stopped) {
    // Full port capacities, not quotas; an answer that breaks a quota is rejected below.
    const full = { ...problem, portDays: problem.portDays.map((pd, p) => ({ ...pd, capacity: part.portCapacity[p] ?? pd.capacity })) };
    const roundingAllowance = 0.5 * problem.departures.length;
    /** One solve of the MILP (relaxed or not): its answer re-priced, taken into `best` if cheaper. */
    const solveModel = async (relaxRounding: boolean): Promise<{ objective: number; improved: boolean } | null> => {
      const mapping = buildMilp(full, index, served, { pruneOwn: settings.pruneOwn === true, relaxRounding });
      const leftMs = timeLeftMs?.();
      // Only answers that could beat the local search's are of use, so the solver may prune the
      // rest: the MILP leaves out the rounding of each departure's freight (≤ ½ a minor unit), so
      // an answer cheaper than `best` re-priced lies below best.total + the allowance in the
      // model (further below on a model with relaxRounding, which only prices lower), and the
      // cutoff never loses one. The start itself lies below it too, so a solve
      // that is not stopped still finds a solution (and proves it optimal). Fewer nodes for the
      // same answer (the M batch: the same plan, planned ~20 % sooner).
      const cutoff = best.total + roundingAllowance + 1;
      const result = await backend.solve(mapping.model, { maxNodes: settings.exactMaxNodes, cutoff, ...(leftMs === undefined ? {} : { timeLimitMs: Math.max(1, leftMs) }) });
      // The user's time limit bound: say so. (A node limit that stops it is part of the answer,
      // the same everywhere: nothing to report.)
      if (result.limit === 'time') stopped = true;
      if (!(result.status === 'optimal' || (result.status === 'feasible' && settings.acceptIncumbent === true))) return null;
      modelAnswered = true;
      const candidate = new Assignment(problem, index);
      const picks = choicesFromSolution(mapping, result.values);
      const fits = picks.every((c, o) => {
        if (c === UNASSIGNED) return !served[o];
        if (candidate.insertionCost(o, c) === Infinity) return false;
        candidate.assign(o, c);
        return true;
      });
      const improved = fits && candidate.total < best.total - IMPROVEMENT_MINOR;
      if (improved) best = candidate;
      // A relaxed model's optimum proves nothing of the real one.
      exact = result.status === 'optimal' && !relaxRounding && fits && best.total <= candidate.total + roundingAllowance;
      return { objective: result.status === 'optimal' ? result.objective : -Infinity, improved };
    };
    const relaxed = settings.relaxRounding === true || settings.relaxFirst === true;
    const first = await solveModel(relaxed);
    // The relaxed optimum lies at or below the real one: when its answer saved nothing although
    // it leaves room below the start, the real model may still find a cheaper plan. (An answer
    // stopped by the node budget proves no optimum, so no room is ruled out: -Infinity.)
    const room = first !== null && !first.improved && first.objective < best.total - roundingAllowance - IMPROVEMENT_MINOR;
    if (settings.relaxFirst === true && room && !stopped && shouldStop?.() !== true) await solveModel(false);
  }
  return {
    choiceOf: Array.from(best.choiceOf),
    totalMinor: best.recomputeTotal(),
    exact,
    modelAnswered,
    passes: stats.passes,
    moves: stats.moves,
    stopped,
  };
}

