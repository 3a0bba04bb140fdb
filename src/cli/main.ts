#!/usr/bin/env node
// The `xbroute` bin: wires the process's streams to the CLI, sets the exit code, and on
// SIGINT/SIGTERM removes the temp files an output write has in flight before exiting
// 130/143 (128 + the signal's number, as shells report a process killed by it).
import { removeInFlight } from '../io/atomic-write.js';
import { run } from './program.js';

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
  process.once(signal, () => {
    removeInFlight();
    process.stderr.write(`\ninterrupted (${signal}); no output file was written\n`);
    // Exit now: worker threads and pending writes end with the process.
    process.exit(code);
  });
}

const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: process.stderr.isTTY === true,
});
process.exitCode = code;
