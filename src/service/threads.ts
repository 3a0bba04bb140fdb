// Running a job task (./job-thread.ts) on a worker thread and collecting its messages. The
// thread runs the compiled module: next to this file when running from dist/, else from
// dist/ beside the sources (tests and tsx run the sources; the test set-up builds dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ThreadMessage, ThreadTask } from './job-thread.js';

export function jobThreadFile(): string {
  const candidates = [new URL('./job-thread.js', import.meta.url), new URL('../../dist/src/service/job-thread.js', import.meta.url)].map((u) =>
    fileURLToPath(u),
  );
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) throw new Error(`service: no compiled job thread at ${candidates.join(' or ')}; run \`npm run build\` first`);
  return found;
}

export interface RunningTask {
  /** Settles with the task's last message (`checked`, `solved` or `failed`); never rejects. */
  result: Promise<ThreadMessage>;
  /** Stops the thread now; `result` then settles as failed with "terminated". */
  terminate(): void;
  /**
   * Asks the thread to abort its plan (a queue plan then takes its waiting jobs off Redis),
   * and stops it after `graceMs` if it has not ended by then.
   */
  cancel(graceMs: number): void;
}

export function runTask(task: ThreadTask, onProgress: (message: ThreadMessage) => void = () => undefined): RunningTask {
  const worker = new Worker(jobThreadFile(), { workerData: task });
  let settled = false;
  const result = new Promise<ThreadMessage>((resolve) => {
    const settle = (message: ThreadMessage) => {
      if (settled) return;
      settled = true;
      resolve(message);
      void worker.terminate();
    };
    worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'progress') onProgress(message);
      else settle(message);
    });
    worker.on('error', (error) => settle({ type: 'failed', message: `${error.name}: ${error.message}` }));
    worker.on('exit', (code) => settle({ type: 'failed', message: code === 1 ? 'terminated' : `the job thread exited (${code})` }));
  });
  return {
    result,
    terminate: () => {
      void worker.terminate();
    },
    cancel: (graceMs) => {
      worker.postMessage('cancel');
      setTimeout(() => void worker.terminate(), graceMs).unref();
    },
  };
}
