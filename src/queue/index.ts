// The queue edge: partitions as BullMQ jobs on Redis (producer), solved by worker processes
// on any machine (worker), the network stored once under its content hash.
export { connectQueueExecutor, QueueExecutor, type QueueExecutorOptions } from './producer.js';
export { startQueueWorker, type QueueWorker, type QueueWorkerOptions, type WorkerEvent } from './worker.js';
export { QueueConnectionError } from './errors.js';
export { parseRedisUrl, type RedisTarget } from './redis-url.js';
export { QUEUE_NAME } from './jobs.js';
