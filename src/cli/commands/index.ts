// Every command of the CLI, in the order `--help` lists them.
import type { Command } from 'commander';
import type { CliIo, CliState } from '../context.js';
import { register as generate } from './generate.js';
import { register as validate } from './validate.js';
import { register as info } from './info.js';
import { register as explain } from './explain.js';
import { register as route } from './route.js';
import { register as plan } from './plan.js';
import { register as compare } from './compare.js';
import { register as replan } from './replan.js';
import { register as verify } from './verify.js';
import { register as serve } from './serve.js';
import { register as documents } from './documents.js';
import { register as worker } from './worker.js';

export type RegisterCommand = (program: Command, io: CliIo, state: CliState) => void;

export const COMMANDS: readonly RegisterCommand[] = [validate, info, generate, explain, route, plan, compare, replan, verify, documents, serve, worker];
