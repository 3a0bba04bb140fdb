// What one job is: a partition to solve, as text, naming the network it is solved on by content
// hash (the network itself is stored once, ./network-store.ts). Its id is a hash of that
// content, so the same partition enqueued twice — the same batch planned again, by this
// producer or another — is one job, solved once (BullMQ ignores an add whose id exists).
import type { PartitionSolverName, SlowSolves } from '../pool/task.js';
import type { Partition } from '../optimise/partition/partition.js';
import type { PartitionSettings } from '../optimise/partition/solve-partition.js';
import { sha256Hex } from './wire.js';

/** The queue every producer and worker of one Redis share. */
export const QUEUE_NAME = 'xbroute-partitions';

/**
 * The job format. A worker refuses a job of another format (an older or newer xbroute on
 * another machine), rather than solve it differently: the plan must not depend on the machine.
 */
export const JOB_FORMAT = 1;

/** The job's data as BullMQ stores it (JSON). */
export interface PartitionJobData {
  format: number;
  /** sha256 of the network's canonical JSON. */
  network: string;
  /** The PartitionJob, encodeWire text (special numbers kept). */
  task: string;
}

/** The task proper (the text in PartitionJobData.task). */
export interface PartitionJob {
  partition: Partition;
  solver: PartitionSolverName;
  settings: PartitionSettings;
  /** Epoch ms at which the search stops (the user's time limit); null: no limit. */
  deadlineMs: number | null;
  /** TEST ONLY: see SlowSolves. */
  slowSolves?: SlowSolves;
}

/** The job id of a task on a network: its content hash (BullMQ ids may not contain ':'). */
export function jobIdOf(networkHash: string, task: string): string {
  return `p${JOB_FORMAT}-${sha256Hex(`${networkHash}\n${task}`)}`;
}
