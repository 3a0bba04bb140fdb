// Helpers of the input-rule regression tests: the tiny fixture with edits, written to a temp
// directory, then validated or planned by the CLI in process (no worker threads).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../../src/domain/plan.js';
import { type CliResult, runCli } from '../fixtures/run-cli.js';
import { type Json, tempDir, tinyNetwork, tinyOrdersText, tinyStockText } from '../fixtures/tiny.js';

export interface Inputs {
  network?: Json;
  orders?: string;
  stock?: string;
}

const ORDERS_HEADER = 'order_id,created_at,destination,service_level,deliver_by,allowed_sources,sku,qty,unit_weight_kg,length_cm,width_cm,height_cm,unit_volume_m3,unit_value';

/** An orders CSV of the given data rows (in the fixture's columns). */
export function ordersCsv(rows: readonly string[]): string {
  return `#xbroute.orders/v1\n${ORDERS_HEADER}\n${rows.join('\n')}\n`;
}

export function withTemp<T>(run: (dir: ReturnType<typeof tempDir>) => Promise<T>): Promise<T> {
  const dir = tempDir();
  return run(dir).finally(() => dir.cleanup());
}

function files(dir: ReturnType<typeof tempDir>, inputs: Inputs): string[] {
  return [
    '--network', dir.write('network.json', JSON.stringify(inputs.network ?? tinyNetwork())),
    '--orders', dir.write('orders.csv', inputs.orders ?? tinyOrdersText()),
    '--stock', dir.write('stock.csv', inputs.stock ?? tinyStockText()),
  ];
}

export function validateInputs(inputs: Inputs): Promise<CliResult> {
  return withTemp((dir) => runCli(['validate', ...files(dir, inputs)]));
}

/** Plans with the given solver (baseline by default) in this thread; the plan when it was written. */
export function planInputs(inputs: Inputs, solver = 'baseline'): Promise<CliResult & { plan: Plan | undefined }> {
  return withTemp(async (dir) => {
    const out = join(dir.dir, 'plan.json');
    const result = await runCli(['plan', ...files(dir, inputs), '--solver', solver, '--workers', '0', '--quiet', '--out', out]);
    let plan: Plan | undefined;
    try {
      plan = JSON.parse(readFileSync(out, 'utf8')) as Plan;
    } catch {
      plan = undefined;
    }
    return { ...result, plan };
  });
}
