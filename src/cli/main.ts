#!/usr/bin/env node
// The `xbroute` bin: wires the process's streams to the CLI, sets the exit code, and on
// SIGINT/SIGTERM removes the temp files an output write has in flight and runs the command's
// cleanups (./interrupt.ts) before ending with status 130/143 (128 + the signal's number, what
// shells report for a process it stopped). A second signal during the cleanups ends it at once.
import { removeInFlight, writeThroughPending } from '../io/atomic-write.js';
import { runInterruptCleanups } from './interrupt.js';
import { run } from './program.js';

/** The longest the cleanups may hold the exit (a Redis gone would never answer). */
const CLEANUP_MS = 5_000;

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
// `worker` and `serve` write no files and stop on a signal themselves: the worker after its
// running jobs, the service once its running jobs are left queued (with --redis: handed back
// to the other instances at once).
const stopsItself = process.argv[2] === 'worker' || process.argv[2] === 'serve';
for (const [signal, code] of stopsItself ? [] : Object.entries(SIGNAL_EXIT)) {
  process.once(signal, () => {
    removeInFlight();
    process.stderr.write(`\ninterrupted (${signal}); no output file was written\n`);
    void runInterruptCleanups(signal as NodeJS.Signals, CLEANUP_MS).finally(() => {
      // A write blocked on a pipe or device would hold process.exit for ever (it waits for the
      // blocked thread): then let the signal itself end the process (the handler is gone after
      // `once`, so it kills) — the shell sees the same 130/143.
      if (writeThroughPending()) process.kill(process.pid, signal);
      else process.exit(code);
    });
  });
}

// A reader that stops early (`xbroute --help | head`) closes the pipe: end as a process killed
// by SIGPIPE would (status 141, nothing said), not with a stack trace. Node ignores SIGPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  removeInFlight();
  process.exit(141);
});

const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: process.stderr.isTTY === true,
});
process.exitCode = code;
