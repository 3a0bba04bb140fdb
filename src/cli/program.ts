// The xbroute command line: one commander program, one file per command in commands/.
// `run` is what the bin and the tests call; it never calls process.exit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { EXIT } from '../domain/errors.js';
import { type CliIo, type CliState, reportError } from './context.js';
import { commandsFor } from './commands/index.js';
import { PACKAGE_ROOT } from './paths.js';

/** The version in the package's own package.json (read once: it is the one installed). */
export const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const state: CliState = { exitCode: EXIT.ok };
  const program = new Command('xbroute')
    .description('Plans cross-border e-commerce orders at the lowest cost within their delivery promise.')
    .version(VERSION, '-V, --version', 'print the xbroute version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 usage error, 2 invalid input (or an invalid plan for verify), 3 internal error.
Run "xbroute <command> --help" for a command's options and examples.`,
    );
  try {
    // Loaded in the listed order, so `--help` lists them in it.
    const modules = await Promise.all(commandsFor(argv).map((c) => c.load()));
    for (const { register } of modules) register(program, io, state);
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit "successfully" through commander's override.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    return reportError(error, io);
  }
}
