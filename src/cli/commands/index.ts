// Every command of the CLI, in the order `--help` lists them.
import type { Command } from 'commander';
import type { CliIo, CliState } from '../context.js';

export type RegisterCommand = (program: Command, io: CliIo, state: CliState) => void;

export const COMMANDS: readonly RegisterCommand[] = [];
