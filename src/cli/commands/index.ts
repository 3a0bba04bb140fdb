// Every command of the CLI, in the order `--help` lists them, each loaded only when needed: a
// run of `xbroute plan` does not import the service (fastify, SQLite) nor the queue (BullMQ),
// which would be most of its start-up time (src/cli/program.ts picks what to load).
import type { Command } from 'commander';
import type { CliIo, CliState } from '../context.js';

export type RegisterCommand = (program: Command, io: CliIo, state: CliState) => void;

/** A command by its name, and how to load the module that declares it. */
export interface CommandEntry {
  name: string;
  load: () => Promise<{ register: RegisterCommand }>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'validate', load: () => import('./validate.js') },
  { name: 'info', load: () => import('./info.js') },
  { name: 'generate', load: () => import('./generate.js') },
  { name: 'explain', load: () => import('./explain.js') },
  { name: 'route', load: () => import('./route.js') },
  { name: 'plan', load: () => import('./plan.js') },
  { name: 'compare', load: () => import('./compare.js') },
  { name: 'replan', load: () => import('./replan.js') },
  { name: 'verify', load: () => import('./verify.js') },
  { name: 'documents', load: () => import('./documents.js') },
  { name: 'serve', load: () => import('./serve.js') },
  { name: 'worker', load: () => import('./worker.js') },
];

/**
 * The commands a command line needs declared: the one it names, or — for `--help`, `help`, a
 * misspelt name (so commander can suggest the right one) or no command at all — every one.
 */
export function commandsFor(argv: readonly string[]): readonly CommandEntry[] {
  const first = argv.find((arg) => !arg.startsWith('-'));
  const named = COMMANDS.find((c) => c.name === first);
  return named === undefined ? COMMANDS : [named];
}
