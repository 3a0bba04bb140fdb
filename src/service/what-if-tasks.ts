// The what-if work of the service, run on a job thread (./job-thread.ts) like planning:
// `compare` checks a batch, applies each scenario and plans every column (src/api/compare.ts);
// `quote` prices one order with planner.quote against a plan (or an empty network). Bad input
// comes back as located problems, as the CLI reports them.
import { compareScenarios, type ScenarioInput } from '../api/compare.js';
import { createPlanner } from '../api/planner.js';
import { InputError, type InputProblem } from '../domain/errors.js';
import type { Order } from '../domain/orders.js';
import type { Plan } from '../domain/plan.js';
import type { SolverName } from '../engine/plan-batch.js';
import { readScenarioText } from '../io/scenario.js';
import type { OrderQuote } from '../api/quote.js';
import type { Comparison } from '../scenario/compare.js';
import { type SubmittedBatch, checkBatch, toProblem } from './inputs.js';
import type { Problem } from './schemas.js';

export type WhatIfTask =
  | { task: 'compare'; batch: SubmittedBatch; scratchDir: string; scenarios: string[]; solver?: SolverName; solveWorkers: number }
  | { task: 'quote'; batch: SubmittedBatch; scratchDir: string; order: unknown; plan: string | null };

export type WhatIfMessage =
  | { type: 'compared'; comparison: Comparison }
  | { type: 'quoted'; quote: OrderQuote }
  | { type: 'invalid'; problems: Problem[] };

/** What names a scenario in problems: its place in the request. */
export const scenarioLabel = (i: number): string => `scenarios[${i}]`;

export async function runWhatIf(task: WhatIfTask): Promise<WhatIfMessage> {
  const checked = checkBatch(task.batch, task.scratchDir);
  if (!checked.ok) return { type: 'invalid', problems: checked.errors };
  try {
    if (task.task === 'compare') {
      const problems: InputProblem[] = [];
      const scenarios: ScenarioInput[] = [];
      task.scenarios.forEach((text, i) => {
        const read = readScenarioText(text, scenarioLabel(i));
        problems.push(...read.problems);
        if (read.value !== undefined) scenarios.push({ scenario: read.value, file: scenarioLabel(i) });
      });
      if (problems.length > 0) return { type: 'invalid', problems: problems.map(toProblem) };
      const comparison = await compareScenarios({
        network: checked.network,
        stock: checked.stock,
        orders: checked.orders,
        scenarios,
        workers: task.solveWorkers,
        ...(task.solver === undefined ? {} : { solver: task.solver }),
      });
      return { type: 'compared', comparison };
    }
    const planner = createPlanner({ network: checked.network, stock: checked.stock, workers: 0 });
    try {
      const against = task.plan === null ? undefined : (JSON.parse(task.plan) as Plan);
      const quote = await planner.quote(task.order as Order, against === undefined ? {} : { against });
      return { type: 'quoted', quote };
    } finally {
      await planner.close();
    }
  } catch (error) {
    if (error instanceof InputError) return { type: 'invalid', problems: error.problems.map(toProblem) };
    throw error;
  }
}
