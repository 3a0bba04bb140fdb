// Backend: HiGHS compiled to WebAssembly (npm `highs`, MIT). Measured in bench/solvers.bench.ts
// as the only npm solver that solves every LP relaxation we need quickly and returns a
// correct incumbent when it times out. Its answers are checked all the same.
import { setFlagsFromString } from 'node:v8';
import highsModule, { type Highs } from 'highs';
import type { SolveOptions, SolveResult, SolverBackend } from './backend.js';
import { checkSolution, snapIntegers } from './check.js';
import { type LinearModel, objectiveOf } from './linear-model.js';

// The package's typings describe CommonJS while Node loads its ESM build: accept both shapes.
type Loader = (typeof highsModule)['default'];
const loadHighs: Loader = (highsModule as unknown as { default?: Loader }).default ?? (highsModule as unknown as Loader);

let highs: Promise<Highs> | null = null;

/**
 * V8 runs WebAssembly first from its baseline compiler and recompiles a function with its
 * optimising one once the function has run about this many bytes of code (V8's own default:
 * 1.8 million). HiGHS is a large module, and at the default budget that recompiling, done on
 * the same two cores as the search, cost more than it saved: the S batch planned in 3.2 s
 * instead of 4.6 s and M in 10.9 s instead of 11.7 s with this budget (2 cores, alternating
 * runs, the same plans). Only the hottest loops are optimised then. Tiering never changes what
 * WebAssembly computes, only how fast.
 */
export const WASM_TIERING_BUDGET = 1_000_000_000;

/**
 * One WASM instance per thread, loaded on first use. The tiering budget is a process-wide V8
 * setting, read when a module is instantiated: set before the first load (on any thread: a
 * pool's workers share the process), unless the process was started with its own.
 */
function instance(): Promise<Highs> {
  if (highs === null && !process.execArgv.some((arg) => arg.startsWith('--wasm-tiering-budget'))) {
    setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
  }
  highs ??= loadHighs();
  return highs;
}

function num(x: number): string {
  // LP text wants plain decimals; JS prints 1e21 and up in exponent form, which HiGHS reads.
  return Number.isInteger(x) ? x.toFixed(0) : String(x);
}

/** CPLEX LP text with columns c0… and rows r0…; a ranged row becomes two rows. */
export function toLpText(model: LinearModel, options: SolveOptions = {}): string {
  const out: string[] = ['Minimize', ` obj: ${linear(model.columns.map((c, i) => [i, c.cost] as const)) || '0 c0'}`, 'Subject To'];
  model.rows.forEach((r, j) => {
    const expr = linear(r.terms) || '0 c0';
    if (r.lower === r.upper) out.push(` r${j}: ${expr} = ${num(r.lower)}`);
    else {
      if (Number.isFinite(r.lower)) out.push(` r${j}l: ${expr} >= ${num(r.lower)}`);
      if (Number.isFinite(r.upper)) out.push(` r${j}u: ${expr} <= ${num(r.upper)}`);
    }
  });
  out.push('Bounds');
  model.columns.forEach((c, i) => {
    const lower = Number.isFinite(c.lower) ? num(c.lower) : '-inf';
    const upper = Number.isFinite(c.upper) ? num(c.upper) : '+inf';
    out.push(` ${lower} <= c${i} <= ${upper}`);
  });
  const ints = options.relax ? [] : model.columns.flatMap((c, i) => (c.integer ? [`c${i}`] : []));
  if (ints.length > 0) out.push('General', ` ${ints.join(' ')}`);
  out.push('End');
  return out.join('\n');
}

function linear(terms: readonly (readonly [number, number])[]): string {
  return terms
    .filter(([, a]) => a !== 0)
    .map(([i, a], k) => `${a < 0 ? '-' : k === 0 ? '' : '+'} ${num(Math.abs(a))} c${i}`)
    .join(' ');
}

/**
 * With a cutoff the caller holds a solution as good already (solve-partition.ts passes its local
 * search's cost), so HiGHS's primal heuristics that hunt for incumbents — the RINS and RENS
 * sub-MIPs and the feasibility jump — mostly search for what the cutoff makes useless. Without
 * them, on the partition and neighbourhood MILPs of the S and M batches (each solved again,
 * warm, one thread), the same optimum of every model in 0.91 s instead of 1.20 s (S, 23 models)
 * and 5.23 s instead of 6.94 s (M, 13 models; its one 40-order partition 2.13 s → 0.9 s).
 * Without a cutoff (the bench's whole-batch MILP) they stay on: there they find the incumbent.
 */
const INCUMBENT_HELD = { mip_heuristic_run_rins: false, mip_heuristic_run_rens: false, mip_heuristic_run_feasibility_jump: false } as const;

export const highsBackend: SolverBackend = {
  name: 'highs',
  async solve(model: LinearModel, options: SolveOptions = {}): Promise<SolveResult> {
    const solver = await instance();
    // The cutoff is for the MIP search only (on an LP, HiGHS reads objective_bound otherwise).
    const cutoff = options.relax !== true && model.columns.some((c) => c.integer) ? options.cutoff : undefined;
    const result = solver.solve(toLpText(model, options), {
      output_flag: false,
      // Exact answers on the small models we hand it; HiGHS's default is 1e-4.
      mip_rel_gap: 1e-9,
      // Same search on every machine: one thread (the WASM build has no others anyway) and a
      // fixed seed (HiGHS's default, pinned so that a new default cannot change plans).
      threads: 1,
      random_seed: 0,
      ...(options.maxNodes === undefined ? {} : { mip_max_nodes: Math.max(1, Math.floor(options.maxNodes)) }),
      ...(options.timeLimitMs === undefined ? {} : { time_limit: options.timeLimitMs / 1000 }),
      // HiGHS's objective_bound: the MIP search prunes every node whose bound reaches it.
      ...(cutoff === undefined ? {} : { objective_bound: cutoff, ...INCUMBENT_HELD }),
    });
    const values = new Float64Array(model.columns.length);
    if (result.Status === 'Infeasible') return { status: 'infeasible', values, objective: NaN, bound: null };
    // A limit (nodes, time) may stop it with or without an incumbent: take the columns when
    // they are all there, and let the check below judge them.
    // (This build reports a node limit as 'Unknown'.)
    const limit: SolveResult['limit'] = result.Status === 'Time limit reached' ? 'time' : result.Status === 'Unknown' && options.maxNodes !== undefined ? 'nodes' : undefined;
    if (result.Status !== 'Optimal' && limit === undefined) return { status: 'no_solution', values, objective: NaN, bound: null, rejected: result.Status };
    const stop = limit === undefined ? {} : { limit };
    model.columns.forEach((_, i) => {
      const column = result.Columns[`c${i}`] as { Primal?: number } | undefined;
      values[i] = column?.Primal ?? NaN;
    });
    if (values.some((v) => !Number.isFinite(v))) return { status: 'no_solution', values, objective: NaN, bound: null, rejected: `${result.Status} without a solution`, ...stop };
    const relax = options.relax === true || !model.columns.some((c) => c.integer);
    const snapped = relax ? values : snapIntegers(model, values);
    const rejected = checkSolution(model, snapped, { relax });
    if (rejected !== null) return { status: 'no_solution', values: snapped, objective: NaN, bound: null, rejected, ...stop };
    const objective = objectiveOf(model, snapped);
    // Pruned by the cutoff, HiGHS still says 'Optimal' of the best it holds, which may lie
    // above it (and above the true optimum): then it is only a feasible answer.
    const optimal = result.Status === 'Optimal' && !(cutoff !== undefined && objective >= cutoff);
    return { status: optimal ? 'optimal' : 'feasible', values: snapped, objective, bound: optimal ? objective : null, ...stop };
  },
};
