// What a CLI command gets to talk to the outside world. Tests pass their own streams and
// call `run` in-process; the bin passes the process's.
import { EXIT, InputError, UsageError, VerificationError, formatProblem } from '../domain/errors.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is an interactive terminal (progress bars). */
  isTty: boolean;
}

/** Holds the exit code a command decided on; commander actions cannot return one. */
export interface CliState {
  exitCode: number;
}

/** Error problems shown before "... and N more". */
export const MAX_PROBLEMS_SHOWN = 50;

/** Maps an error to its documented exit code and prints it to stderr. */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof InputError) {
    const errors = error.problems.filter((p) => p.severity === 'error');
    for (const p of errors.slice(0, MAX_PROBLEMS_SHOWN)) io.stderr(`error: ${formatProblem(p)}\n`);
    if (errors.length > MAX_PROBLEMS_SHOWN) io.stderr(`… and ${errors.length - MAX_PROBLEMS_SHOWN} more errors\n`);
    return EXIT.invalidInput;
  }
  if (error instanceof UsageError && (error.name === 'OutputError' || error.name === 'QueueConnectionError')) {
    // Not a mistake in the command: the message says all (no "see --help").
    io.stderr(`error: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    io.stderr(`error: ${error.message}\n(see --help)\n`);
    return EXIT.usage;
  }
  if (error instanceof VerificationError) {
    io.stderr(`internal error: ${error.message}\n`);
    for (const v of error.violations.slice(0, MAX_PROBLEMS_SHOWN)) io.stderr(`  ${v.rule}: ${v.message}\n`);
    return EXIT.internal;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`internal error: ${message}\n`);
  return EXIT.internal;
}
