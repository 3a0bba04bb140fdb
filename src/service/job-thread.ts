// The worker thread a job's CPU work runs on, so the service's own thread only answers HTTP
// and talks to SQLite (status polls stay fast while batches are checked and planned). Two
// tasks: `check` reads and checks a submitted batch (the CLI's loader, see ./inputs.ts);
// `solve` checks it again, plans it with `createPlanner` and renders the results. Progress
// and results go back as messages; cancelling terminates the thread (and the planner's
// worker threads with it).
import { parentPort, workerData } from 'node:worker_threads';
import { createPlanner, type PlanProgress } from '../api/planner.js';
import { connectQueueExecutor } from '../queue/index.js';
import { checkBatch, type SubmittedBatch } from './inputs.js';
import { renderResults } from './results.js';
import type { JobProgress, PlanOptionsBody, Problem } from './schemas.js';
import type { Output } from './store.js';
import { type WhatIfMessage, type WhatIfTask, runWhatIf } from './what-if-tasks.js';
import type { ReplanRequest } from '../api/replan.js';
import type { Order } from '../domain/orders.js';
import type { Plan } from '../domain/plan.js';
import { parseInstant } from '../time/index.js';

export type ThreadTask =
  | { task: 'check'; batch: SubmittedBatch; scratchDir: string }
  | { task: 'solve'; batch: SubmittedBatch; scratchDir: string; options: PlanOptionsBody; solveWorkers: number; redisUrl: string | null; previousPlan?: Uint8Array }
  | WhatIfTask;

export type ThreadMessage =
  | { type: 'checked'; ok: boolean; errors: Problem[]; warnings: Problem[] }
  | { type: 'progress'; progress: JobProgress }
  | { type: 'solved'; progress: JobProgress; outputs: Output[]; explanations: [string, Uint8Array][] }
  | { type: 'failed'; message: string }
  | WhatIfMessage;

function toJobProgress(event: PlanProgress): JobProgress {
  return {
    phase: event.phase,
    done: event.partitionsDone,
    total: event.partitionsTotal,
    // While solving, the search's cost and the bound so far: the page shows the gap closing.
    bestCostMinor: event.bestCostMinor ?? event.searchCostMinor ?? null,
    boundMinor: event.boundMinor ?? null,
  };
}

/** Buffers arrive as plain Uint8Arrays after the structured clone. */
function asBatch(batch: SubmittedBatch): SubmittedBatch {
  const file = (f: SubmittedBatch['orders']) => ({ name: f.name, bytes: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength) });
  return { orders: file(batch.orders), stock: file(batch.stock), network: file(batch.network) };
}

async function run(task: ThreadTask, post: (message: ThreadMessage) => void): Promise<void> {
  if (task.task === 'compare' || task.task === 'quote') {
    post(await runWhatIf({ ...task, batch: asBatch(task.batch) }));
    return;
  }
  const batch = asBatch(task.batch);
  const checked = checkBatch(batch, task.scratchDir);
  if (task.task === 'check') {
    post(checked.ok ? { type: 'checked', ok: true, errors: [], warnings: checked.warnings } : { type: 'checked', ok: false, errors: checked.errors, warnings: checked.warnings });
    return;
  }
  if (!checked.ok) {
    post({ type: 'failed', message: `inputs no longer valid: ${checked.errors[0]?.message ?? '?'}` });
    return;
  }
  // With a Redis, the partitions go to the queue's workers (src/queue); else to threads here.
  const executor = task.redisUrl === null ? null : await connectQueueExecutor({ url: task.redisUrl });
  const planner = createPlanner({
    network: checked.network,
    stock: checked.stock,
    solver: task.options.solver,
    ...(executor === null ? { workers: task.solveWorkers } : { executor }),
  });
  let last: JobProgress = { phase: 'candidates', done: 0, total: 0, bestCostMinor: null, boundMinor: null };
  // The runner's cancel (see RunningTask.cancel): abort the plan rather than be cut off.
  const cancelled = new AbortController();
  parentPort?.on('message', (message: unknown) => {
    if (message === 'cancel') cancelled.abort('cancelled');
  });
  try {
    const planOptions = {
      signal: cancelled.signal,
      ...(task.options.timeLimitSeconds === undefined ? {} : { timeLimitMs: task.options.timeLimitSeconds * 1000 }),
      onProgress: (event: PlanProgress) => {
        last = toJobProgress(event);
        post({ type: 'progress', progress: last });
      },
    };
    const replan = task.options.replan;
    const plan = replan === undefined
      ? await planner.plan(checked.orders, planOptions)
      : await planner.replan(replanRequest(replan, checked.orders, task.previousPlan), planOptions);
    post({ type: 'progress', progress: { ...last, phase: 'writing' } });
    const results = renderResults(plan, checked.network, checked.orders);
    post({
      type: 'solved',
      progress: { phase: 'done', done: last.total, total: last.total, bestCostMinor: plan.totals.cost.total, boundMinor: plan.totals.lowerBoundMinor ?? null },
      outputs: results.outputs,
      explanations: [...results.explanations],
    });
  } finally {
    await planner.close();
    await executor?.close();
  }
}

/** A re-plan job's request: the previous job's plan and orders, the new orders, what is booked. */
function replanRequest(replan: NonNullable<PlanOptionsBody['replan']>, orders: readonly Order[], previousPlan: Uint8Array | undefined): ReplanRequest {
  if (previousPlan === undefined) throw new Error(`job ${replan.of} has no plan to re-plan`);
  const previous = JSON.parse(Buffer.from(previousPlan).toString('utf8')) as Plan;
  return {
    previous,
    // The new orders are checked with the rest by the planner (located under "<orders>").
    orders: [...orders, ...((replan.orders ?? []) as Order[])],
    booking: {
      ...(replan.bookedBefore === undefined ? {} : { beforeMs: parseInstant(replan.bookedBefore) }),
      ...(replan.booked === undefined ? {} : { ids: replan.booked }),
    },
    ...(replan.events === undefined ? {} : { events: replan.events }),
  };
}

if (parentPort !== null) {
  const port = parentPort;
  run(workerData as ThreadTask, (message) => port.postMessage(message)).catch((error: unknown) => {
    port.postMessage({ type: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } satisfies ThreadMessage);
  });
}
