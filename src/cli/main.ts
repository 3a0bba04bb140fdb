#!/usr/bin/env node
// The `xbroute` bin: wires the process's streams to the CLI and sets the exit code.
import { run } from './program.js';

const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: process.stderr.isTTY === true,
});
process.exitCode = code;
