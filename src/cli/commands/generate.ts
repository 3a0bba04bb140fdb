// `xbroute generate`: writes a seeded batch (orders.csv, stock.csv) consistent with a network.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../domain/errors.js';
import { OffsetInstant } from '../../domain/primitives.js';
import { DEFAULT_START, MAX_ORDERS, PROFILES, generateBatch, type Profile } from '../../generate/batch.js';
import { batchToCsv } from '../../generate/write-batch.js';
import { writeFilesAtomic } from '../../io/atomic-write.js';
import { loadNetwork } from '../../io/load.js';
import { DEFAULT_NETWORK } from '../paths.js';
import type { RegisterCommand } from './index.js';

interface GenerateOptions {
  orders: string;
  seed: string;
  profile: string;
  start?: string;
  network?: string;
  outDir: string;
}

export const ORDERS_FILE = 'orders.csv';
export const STOCK_FILE = 'stock.csv';

const EXAMPLES = `
Examples:
  $ xbroute generate --orders 1000 --seed 1 --out-dir out
      one ordinary day (from 2026-11-23 00:00 Beijing time) of 1,000 orders on the bundled network
  $ xbroute generate --orders 100000 --seed 7 --profile double-eleven --out-dir out/l
      a Double Eleven wave: 100,000 orders from 2026-11-11 00:00, most in the first hours
  $ xbroute generate --orders 500 --seed 3 --start 2026-12-01T08:00:00+08:00 --network my-network.json --out-dir out

Writes <out-dir>/${ORDERS_FILE} and <out-dir>/${STOCK_FILE} together or not at all. The same seed
and options give the same files, byte for byte.`;

export const register: RegisterCommand = (program, io) => {
  program
    .command('generate')
    .description('Writes a seeded batch of orders and the stock that covers them, consistent with a network.')
    .requiredOption('--orders <n>', `number of orders, 1 to ${MAX_ORDERS.toLocaleString('en-US')}`)
    .requiredOption('--seed <s>', 'random seed, an integer; the same seed gives the same batch')
    .option('--profile <name>', `${PROFILES.join(' | ')}: one ordinary day, or 11 Nov with a peak in the first hours`, 'normal')
    .option('--start <instant>', `first instant, ISO 8601 with offset (default: ${DEFAULT_START.normal} for normal, ${DEFAULT_START['double-eleven']} for double-eleven)`)
    .option('--network <file>', 'network JSON (default: the bundled data/network.json)')
    .requiredOption('--out-dir <dir>', `directory for ${ORDERS_FILE} and ${STOCK_FILE} (created if missing)`)
    .addHelpText('after', EXAMPLES)
    .action(async (options: GenerateOptions) => {
      const orders = parseInteger(options.orders, '--orders');
      if (orders < 1 || orders > MAX_ORDERS) {
        throw new UsageError(`--orders must be from 1 to ${MAX_ORDERS}, got ${orders}`);
      }
      const seed = parseInteger(options.seed, '--seed');
      const profile = parseProfile(options.profile);
      if (options.start !== undefined && !OffsetInstant.safeParse(options.start).success) {
        throw new UsageError(`--start must be an ISO 8601 instant with an offset, e.g. 2026-11-23T00:00:00+08:00; got "${options.start}"`);
      }

      const network = loadNetwork(options.network ?? DEFAULT_NETWORK);
      const batch = generateBatch(network, { orders, seed, profile, ...(options.start === undefined ? {} : { start: options.start }) });
      const { ordersCsv, stockCsv } = batchToCsv(batch);

      const ordersPath = join(options.outDir, ORDERS_FILE);
      const stockPath = join(options.outDir, STOCK_FILE);
      let createdDir: string | undefined;
      try {
        createdDir = await mkdir(options.outDir, { recursive: true });
        await writeFilesAtomic([{ path: ordersPath, content: ordersCsv }, { path: stockPath, content: stockCsv }]);
      } catch (error) {
        // writeFilesAtomic left no file; a directory tree this run created goes too.
        if (createdDir !== undefined) await rm(createdDir, { recursive: true, force: true }).catch(() => undefined);
        // An unusable output directory is the caller's to fix, like any other bad option.
        const reason = error instanceof Error ? error.message : String(error);
        throw new UsageError(`--out-dir: cannot write ${ORDERS_FILE} and ${STOCK_FILE} into "${options.outDir}" (${reason}); nothing was written`);
      }

      const lines = batch.orders.reduce((sum, o) => sum + o.lines.length, 0);
      io.stdout(
        `generated ${batch.orders.length} orders (${lines} lines) and ${batch.stock.length} stock records` +
          ` (seed ${seed}, ${profile}) -> ${ordersPath}, ${stockPath}\n`,
      );
    });
};

function parseInteger(text: string, option: string): number {
  const value = /^[+-]?\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw new UsageError(`${option} must be an integer, got "${text}"`);
  return value;
}

function parseProfile(text: string): Profile {
  const profile = PROFILES.find((p) => p === text);
  if (profile === undefined) throw new UsageError(`--profile must be one of ${PROFILES.join(', ')}, got "${text}"`);
  return profile;
}
