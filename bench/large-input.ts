// Large inputs: peak memory and wall time of `xbroute validate` on a generated 1,000,000-order
// batch and of `xbroute plan --solver baseline` on a 250,000-order one, each command in its own
// child process (so its peak RSS is its own), measured by /usr/bin/time -v when the machine has
// it, else by the child's process.resourceUsage().maxRSS through a small wrapper. The batches are
// generated into a temporary directory (outside the repository) with `xbroute generate`.
//   node dist/bench/large-input.js [--validate N] [--plan N] [--seed S] [--dir D] [--keep]
// Goals (issue 9): validate of 1,000,000 orders under 1.5 GB peak RSS; plan of 250,000 completes.
// Prints one line per run and writes bench/results/large-input.json.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
/** dist/bench → the package root (where dist/src/cli/main.js lives under dist). */
const CLI = resolve(HERE, '../src/cli/main.js');
const RESULTS = resolve(HERE, '../../bench/results/large-input.json');
const GNU_TIME = '/usr/bin/time';
const MIB = 1024 * 1024;

interface Run {
  command: string;
  orders: number;
  inputMiB: number;
  exitCode: number;
  wallSeconds: number;
  peakRssMiB: number;
  measuredBy: string;
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** Runs a command to completion; its exit code, stdout and stderr (never rejects). */
function run(file: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(file, args, { maxBuffer: 64 * MIB }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      done({ code, stdout, stderr });
    });
  });
}

/** Node with a wrapper that prints the child's own peak RSS, for machines without GNU time. */
const RSS_WRAPPER = `
const { spawnSync } = require('node:child_process');
const r = spawnSync(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
process.stderr.write('\\nmaxRSS(KiB): ' + process.resourceUsage().maxRSS + '\\n');
process.exit(r.status ?? 1);
`;

async function measure(command: string, args: readonly string[], orders: number, inputBytes: number): Promise<Run> {
  const startMs = performance.now();
  const gnu = existsSync(GNU_TIME);
  // resourceUsage().maxRSS of the wrapper counts its largest child (RUSAGE_CHILDREN is not
  // separate in Node); GNU time reports the child's own peak directly.
  const result = gnu
    ? await run(GNU_TIME, ['-v', process.execPath, CLI, ...args])
    : await run(process.execPath, ['-e', RSS_WRAPPER, CLI, ...args]);
  const wallSeconds = (performance.now() - startMs) / 1000;
  const kib = gnu
    ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1] ?? NaN)
    : Number(/maxRSS\(KiB\): (\d+)/.exec(result.stderr)?.[1] ?? NaN);
  return {
    command,
    orders,
    inputMiB: inputBytes / MIB,
    exitCode: result.code,
    wallSeconds,
    peakRssMiB: kib / 1024,
    measuredBy: gnu ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS',
  };
}

async function generate(dir: string, orders: number, seed: number): Promise<{ orders: string; stock: string }> {
  const out = join(dir, `o${orders}-s${seed}`);
  const made = await run(process.execPath, [CLI, 'generate', '--orders', String(orders), '--seed', String(seed), '--out-dir', out]);
  if (made.code !== 0) throw new Error(`generate failed: ${made.stderr}`);
  return { orders: join(out, 'orders.csv'), stock: join(out, 'stock.csv') };
}

async function main(): Promise<void> {
  const validateOrders = Number(option('--validate', '1000000'));
  const planOrders = Number(option('--plan', '250000'));
  const seed = Number(option('--seed', '1'));
  const given = option('--dir', '');
  const dir = given === '' ? mkdtempSync(join(os.tmpdir(), 'xbroute-large-')) : given;
  mkdirSync(dir, { recursive: true });
  const runs: Run[] = [];
  try {
    if (validateOrders > 0) {
      const files = await generate(dir, validateOrders, seed);
      runs.push(await measure('validate', ['validate', '--orders', files.orders, '--stock', files.stock], validateOrders, statSync(files.orders).size));
      report(runs.at(-1));
    }
    if (planOrders > 0) {
      const files = await generate(dir, planOrders, seed + 1);
      const out = join(dir, 'plan.json');
      runs.push(
        await measure('plan --solver baseline', ['plan', '--orders', files.orders, '--stock', files.stock, '--solver', 'baseline', '--quiet', '--out', out], planOrders, statSync(files.orders).size),
      );
      report(runs.at(-1));
    }
  } finally {
    if (given === '' && !process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
  const validate = runs.find((r) => r.command === 'validate');
  const plan = runs.find((r) => r.command.startsWith('plan'));
  const goals = {
    validateUnder1_5GB: validate === undefined ? null : validate.exitCode === 0 && validate.peakRssMiB < 1536,
    planCompletes: plan === undefined ? null : plan.exitCode === 0,
  };
  console.log(`goals: ${JSON.stringify(goals)}`);
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify({ node: process.version, cpus: os.cpus().length, runs, goals }, null, 2)}\n`);
}

function report(r: Run | undefined): void {
  if (r === undefined) return;
  console.log(
    `${r.command.padEnd(24)} ${String(r.orders).padStart(9)} orders  ${r.inputMiB.toFixed(0).padStart(5)} MiB CSV  ` +
      `exit ${r.exitCode}  ${r.wallSeconds.toFixed(1).padStart(6)} s  peak RSS ${r.peakRssMiB.toFixed(0)} MiB (${r.measuredBy})`,
  );
}

await main();
