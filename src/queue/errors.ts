// The queue's one error of its own: Redis could not be reached, or stopped answering. A usage
// error for the CLI (exit 1): the fix is the URL or the Redis server, not the inputs.
import { UsageError } from '../domain/errors.js';

export class QueueConnectionError extends UsageError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = 'QueueConnectionError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
