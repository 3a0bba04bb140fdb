// Backend: javascript-lp-solver (the design card's solver; Unlicense, pure JS). Good on small
// models; its root LP cannot be interrupted and after a timeout it may report `feasible: true`
// for values that break constraints (bench/solvers.bench.ts; test/solvers), so the optimiser only hands it
// small models and every answer goes through checkSolution.
// Its only limit is a `timeout` in Date.now() milliseconds, checked once per branch-and-bound
// node. A node limit (`maxNodes`) is made of it: the solve runs in a worker thread whose
// Date.now() is a counter that ticks once per call, so "timeout N" there means "at most N
// nodes" — the same answer on any machine. A wall-clock limit (`timeLimitMs`: the user's time
// limit, or a bench's) also terminates that thread when it overruns, as the library's own
// clock check may come too late (seen stuck for minutes on an 8-order partition); alone, it is
// also the library's timeout, on the real clock. Without either limit the solve runs here.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import lpModule, { type Model, type SolveResult as LpResult, type SolverAPI } from 'javascript-lp-solver';
import type { SolveOptions, SolveResult, SolverBackend } from './backend.js';
import { checkSolution, snapIntegers } from './check.js';
import { type LinearModel, objectiveOf } from './linear-model.js';

const COST = '__cost';

// The package's typings describe a CommonJS module while Node loads its ESM build, whose
// default export is the solver itself: accept both shapes.
const solver: SolverAPI =
  (lpModule as unknown as { default?: SolverAPI }).default ?? (lpModule as unknown as SolverAPI);

export function toLpSolverModel(model: LinearModel, options: SolveOptions): Model {
  const constraints: Model['constraints'] = {};
  const variables: Model['variables'] = {};
  const ints: Record<string, boolean> = {};
  // The library keeps every variable ≥ 0 unless it is listed as unrestricted.
  const unrestricted: Record<string, boolean> = {};
  model.rows.forEach((r, j) => {
    const bound: { min?: number; max?: number; equal?: number } = {};
    if (r.lower === r.upper) bound.equal = r.lower;
    else {
      if (Number.isFinite(r.lower)) bound.min = r.lower;
      if (Number.isFinite(r.upper)) bound.max = r.upper;
    }
    constraints[`r${j}`] = bound;
  });
  model.columns.forEach((c, i) => {
    const coefficients: Record<string, number> = { [COST]: c.cost };
    variables[`c${i}`] = coefficients;
    if (c.integer && !options.relax) ints[`c${i}`] = true;
    if (c.lower < 0) unrestricted[`c${i}`] = true;
    // Column bounds become rows of their own: the model format has no column bounds.
    const hasLower = c.lower !== 0 && Number.isFinite(c.lower);
    if (Number.isFinite(c.upper) || hasLower) {
      const bound: { min?: number; max?: number } = {};
      if (hasLower) bound.min = c.lower;
      if (Number.isFinite(c.upper)) bound.max = c.upper;
      constraints[`b${i}`] = bound;
      coefficients[`b${i}`] = 1;
    }
  });
  model.rows.forEach((r, j) => {
    for (const [i, a] of r.terms) {
      const coefficients = variables[`c${i}`];
      if (coefficients !== undefined) coefficients[`r${j}`] = (coefficients[`r${j}`] ?? 0) + a;
    }
  });
  const result: Model = { optimize: COST, opType: 'min', constraints, variables, ints, unrestricted };
  // In ticks of the counting clock (see the banner): one tick per node; else milliseconds.
  const timeout = options.maxNodes !== undefined ? nodeBudget(options.maxNodes) : options.timeLimitMs;
  if (timeout !== undefined) result.options = { timeout };
  return result;
}

export const lpSolverBackend: SolverBackend = {
  name: 'lp-solver',
  solve(model: LinearModel, options: SolveOptions = {}): Promise<SolveResult> {
    const lpModel = toLpSolverModel(model, options);
    if (options.timeLimitMs === undefined && options.maxNodes === undefined) return Promise.resolve(interpret(model, options, runHere(lpModel)));
    return runInThread(lpModel, options.timeLimitMs, options.maxNodes !== undefined).then((run) =>
      run === null
        ? { status: 'no_solution' as const, values: new Float64Array(model.columns.length), objective: NaN, bound: null, rejected: 'stopped at the time limit', limit: 'time' as const }
        : interpret(model, options, run),
    );
  },
};

interface Run {
  answer: LpResult;
  /** Clock units the solve took: counting-clock ticks under a node limit, else milliseconds. */
  ticks: number;
}

function runHere(lpModel: Model): Run {
  return { answer: solver.Solve(lpModel) as LpResult, ticks: 0 };
}

function nodeBudget(maxNodes: number): number {
  return Math.max(1, Math.floor(maxNodes));
}

/** Grace past the limit before the thread is terminated: the library checks its clock itself. */
const GRACE_MS = 500;

// The counting clock replaces Date.now() in this thread only (nothing else runs in it).
const THREAD_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
let tick = 0;
if (workerData.countNodes) Date.now = () => tick++;
else tick = Date.now();
const loaded = require(workerData.modulePath);
const solver = loaded.default ?? loaded;
const start = tick;
const answer = solver.Solve(workerData.model);
parentPort.postMessage({ answer, ticks: (workerData.countNodes ? tick : Date.now()) - start });
`;

function runInThread(lpModel: Model, timeLimitMs: number | undefined, countNodes: boolean): Promise<Run | null> {
  const modulePath = createRequire(import.meta.url).resolve('javascript-lp-solver');
  return new Promise((resolve, reject) => {
    const thread = new Worker(THREAD_CODE, { eval: true, workerData: { model: lpModel, modulePath, countNodes } });
    const timer =
      timeLimitMs === undefined
        ? undefined
        : setTimeout(() => {
            void thread.terminate();
            resolve(null);
          }, timeLimitMs + GRACE_MS);
    thread.once('message', (run: Run) => {
      clearTimeout(timer);
      void thread.terminate();
      resolve(run);
    });
    thread.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function interpret(model: LinearModel, options: SolveOptions, run: Run): SolveResult {
  const result = interpretAnswer(model, options, run);
  const limit = limitHit(options, run);
  // A limit stopped it (see interpretAnswer): say which, whatever came of the answer.
  return result.status !== 'optimal' && result.status !== 'infeasible' && limit !== undefined ? { ...result, limit } : result;
}

function limitHit(options: SolveOptions, run: Run): SolveResult['limit'] {
  // With a node limit of N the library reads the clock once for its deadline and once per node
  // check: a search the limit stopped made N + 1 reads. Ended on its own, at most N.
  if (options.maxNodes !== undefined) return run.ticks >= nodeBudget(options.maxNodes) + 1 ? 'nodes' : undefined;
  // Branch-and-bound stops only once Date.now() passes (its own start + timeout), and its own
  // start is after ours: a solve that returned within the limit ran to the end.
  if (options.timeLimitMs !== undefined && options.timeLimitMs > 0 && run.ticks >= options.timeLimitMs) return 'time';
  return undefined;
}

function interpretAnswer(model: LinearModel, options: SolveOptions, run: Run): SolveResult {
  const { answer } = run;
  const timedOut = limitHit(options, run) !== undefined;
  const values = new Float64Array(model.columns.length);
  model.columns.forEach((_, i) => {
    const v = answer[`c${i}`];
    values[i] = typeof v === 'number' ? v : 0; // it lists only non-zero variables
  });
  const hasIntegers = !options.relax && model.columns.some((c) => c.integer);
  // An unbounded LP comes back as `feasible: true, bounded: false` with arbitrary values that
  // can pass the check: never let it through as a solution.
  if (answer.bounded === false) {
    return { status: 'no_solution', values, objective: NaN, bound: null, rejected: 'unbounded' };
  }
  if (!answer.feasible) {
    // After a timeout "not feasible" may only mean "none found yet".
    return { status: timedOut ? 'no_solution' : 'infeasible', values, objective: NaN, bound: null };
  }
  if (hasIntegers && answer.isIntegral !== true) {
    return { status: 'no_solution', values, objective: NaN, bound: null, rejected: 'solver returned a non-integral answer' };
  }
  const snapped = hasIntegers ? snapIntegers(model, values) : values;
  const rejected = checkSolution(model, snapped, options);
  if (rejected !== null) return { status: 'no_solution', values: snapped, objective: NaN, bound: null, rejected };
  const objective = objectiveOf(model, snapped);
  // Unless it hit a limit, javascript-lp-solver ran branch-and-bound to the end (its default
  // tolerance is 0): optimal. (A thread terminated at the time limit gives no answer at all.)
  const status = timedOut ? 'feasible' : 'optimal';
  return { status, values: snapped, objective, bound: !hasIntegers ? objective : status === 'optimal' ? objective : null };
}
