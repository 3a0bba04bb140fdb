// Checking a submitted batch exactly as the CLI checks files: the bytes are put in a private
// scratch directory under the names they came with and read by the same loader
// (io/load.ts `inspectInputs`), so the service reports the same located problems (file, line
// or JSON path, field, expected, found) and cannot drift from the command line. Problems name
// the submitted file, not the scratch path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { type InputProblem, formatProblem } from '../domain/errors.js';
import type { Network } from '../domain/network.js';
import type { Order, StockRecord } from '../domain/orders.js';
import { inspectInputs } from '../io/load.js';
import type { Problem } from './schemas.js';

export interface SubmittedFile {
  /** The name problems are reported under (the upload's file name). */
  name: string;
  bytes: Buffer;
}

export interface SubmittedBatch {
  orders: SubmittedFile;
  stock: SubmittedFile;
  network: SubmittedFile;
}

export type CheckedBatch =
  | { ok: true; network: Network; orders: Order[]; stock: StockRecord[]; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

export function toProblem(p: InputProblem): Problem {
  return { ...p, message: formatProblem(p) };
}

/** The loader picks CSV or JSON by extension, else by content: keep only those two extensions. */
function scratchName(role: string, name: string): string {
  const ext = extname(name).toLowerCase();
  return ext === '.csv' || ext === '.json' ? `${role}${ext}` : role;
}

/** Reads and checks a batch with the CLI's loader; `scratchDir` is where the temporary copies go. */
export function checkBatch(batch: SubmittedBatch, scratchDir: string): CheckedBatch {
  const dir = mkdtempSync(join(scratchDir, 'check-'));
  try {
    const paths = {
      network: join(dir, scratchName('network', batch.network.name)),
      orders: join(dir, scratchName('orders', batch.orders.name)),
      stock: join(dir, scratchName('stock', batch.stock.name)),
    };
    const nameOf = new Map<string, string>([
      [paths.network, batch.network.name],
      [paths.orders, batch.orders.name],
      [paths.stock, batch.stock.name],
    ]);
    writeFileSync(paths.network, batch.network.bytes);
    writeFileSync(paths.orders, batch.orders.bytes);
    writeFileSync(paths.stock, batch.stock.bytes);
    const report = inspectInputs(paths);
    const rename = (p: InputProblem): Problem => toProblem({ ...p, file: nameOf.get(p.file) ?? p.file });
    const errors = report.errors.map(rename);
    const warnings = report.warnings.map(rename);
    const inputs = report.inputs;
    if (errors.length > 0 || inputs === undefined) return { ok: false, errors, warnings };
    return { ok: true, network: inputs.network, orders: inputs.orders ?? [], stock: inputs.stock ?? [], warnings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
