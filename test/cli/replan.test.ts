// `xbroute replan`: on the tiny example, re-plans around a closed lane (the events file next to
// it), writes a plan carrying the re-plan account that `xbroute verify` accepts, and rejects a
// bad events file naming the file, path and field with nothing written.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../src/cli/paths.js';
import type { Plan } from '../../src/domain/plan.js';
import { runCli } from '../fixtures/run-cli.js';
import { tempDir } from '../fixtures/tiny.js';

const EXAMPLE = join(DATA_DIR, 'examples', 'tiny');
const NETWORK = ['--network', join(EXAMPLE, 'network.json')];
const STOCK = ['--stock', join(EXAMPLE, 'stock.csv')];
const ORDERS = join(EXAMPLE, 'orders.csv');
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const previous = join(tmp.dir, 'plan.json');

beforeAll(async () => {
  const r = await runCli(['plan', ...NETWORK, '--orders', ORDERS, ...STOCK, '--out', previous, '--quiet', '--workers', '0']);
  if (r.code !== 0) throw new Error(`plan failed: ${r.stderr}`);
});

describe('xbroute replan', () => {
  it('re-plans around the events, prints the account and writes a plan verify accepts', async () => {
    const out = join(tmp.dir, 'replanned.json');
    const r = await runCli(['replan', ...NETWORK, '--plan', previous, '--previous-orders', ORDERS, ...STOCK, '--event', join(EXAMPLE, 'events.json'), '--out', out, '--workers', '0']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/missed promises +3\n +EX-01 +SLA_INFEASIBLE +2d 13h 1m late/);
    const plan = JSON.parse(readFileSync(out, 'utf8')) as Plan;
    expect(plan.replan?.missedPromises.map((m) => m.order)).toEqual(['EX-01', 'EX-02', 'EX-06']);
    expect(plan.replan?.kept).toEqual(['AIR:FRA-PVG:LH@2026-11-12T20:15:00+01:00']);
    // `verify` with the same events accepts it; without them, the missed promises are wrong
    // (the closed lane would deliver them in time), and it says so.
    const v = await runCli(['verify', '--plan', out, ...NETWORK, '--orders', ORDERS, ...STOCK, '--event', join(EXAMPLE, 'events.json')]);
    expect(v.stdout + v.stderr).toMatch(/^OK/);
    expect(v.code).toBe(0);
    const open = await runCli(['verify', '--plan', out, ...NETWORK, '--orders', ORDERS, ...STOCK]);
    expect(open.code).toBe(2);
    expect(open.stdout + open.stderr).toContain('violation: REASON_SLA_INFEASIBLE: order EX-01');
  });

  it('keeps everything and reports no churn when nothing changed', async () => {
    const r = await runCli(['replan', ...NETWORK, '--plan', previous, '--previous-orders', ORDERS, ...STOCK, '--json', '--workers', '0']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { replan: NonNullable<Plan['replan']>; totalCostMinor: number };
    expect(json.replan.kept).toEqual(json.replan.booked);
    expect(json.replan.churn).toEqual({ parcelsMoved: [], consolidationsOpened: [], consolidationsDropped: [], bookedFilled: [] });
    expect(json.totalCostMinor).toBe(json.replan.previous.costMinor);
  });

  it('rejects a bad events file with its path and field, writing nothing', async () => {
    const events = tmp.write('bad-events.json', JSON.stringify({ schema: 'xbroute.events/v1', events: [{ kind: 'port_closed', port: 'AP-PVG', date: '2026-11-13' }] }));
    const out = join(tmp.dir, 'never.json');
    const r = await runCli(['replan', ...NETWORK, '--plan', previous, '--previous-orders', ORDERS, ...STOCK, '--event', events, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${events}: events[0].port: port: expected a clearance port of the network, found "AP-PVG", a airport`);
    expect(existsSync(out)).toBe(false);
  });

  it('--time-limit bounds a re-plan too: the booked parcels are kept, orders it had no time for are TIME_LIMIT', async () => {
    const out = join(tmp.dir, 'limited.json');
    const wave2 = join(EXAMPLE, 'wave2.csv');
    const r = await runCli(['replan', ...NETWORK, '--plan', previous, '--previous-orders', ORDERS, '--orders', wave2, ...STOCK, '--time-limit', '0.001', '--out', out, '--quiet', '--workers', '0']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = JSON.parse(readFileSync(out, 'utf8')) as Plan;
    const before = JSON.parse(readFileSync(previous, 'utf8')) as Plan;
    expect(plan.timeLimited).toBe(true);
    expect(plan.replan?.kept).toEqual(before.replan?.booked ?? before.consolidations.map((c) => c.id));
    // Every order on a booked consolidation rides it exactly as before; the new orders were not reached.
    const bookedOrders = new Set(before.consolidations.flatMap((c) => c.parcels.map((p) => p.split('/')[0])));
    for (const answer of plan.orders) {
      if (bookedOrders.has(answer.order)) expect(answer).toEqual(before.orders.find((a) => a.order === answer.order));
    }
    const wave2Rows = readFileSync(wave2, 'utf8').trimEnd().split('\n').slice(2);
    const added = [...new Set(wave2Rows.map((l) => l.split(',')[0] ?? ''))];
    expect(added.length).toBeGreaterThan(0);
    for (const id of added) expect(plan.orders.find((a) => a.order === id)).toMatchObject({ status: 'unplanned', reason: 'TIME_LIMIT' });
    // The verifier, given the whole batch the re-plan answers (the previous orders and wave 2), accepts it.
    const batch = tmp.write('both-waves.csv', `${readFileSync(ORDERS, 'utf8').trimEnd()}\n${wave2Rows.join('\n')}\n`);
    const v = await runCli(['verify', '--plan', out, ...NETWORK, '--orders', batch, ...STOCK]);
    expect(v.stdout + v.stderr).toMatch(/^OK/);
  });

  it('--help explains the inputs, the booking options and the events file', async () => {
    const r = await runCli(['replan', '--help']);
    expect(r.code).toBe(0);
    for (const text of ['--booked-before', '--booked <ids>', '--event <file>', '--previous-orders', '--time-limit', 'xbroute.events/v1', 'missedPromises']) expect(r.stdout).toContain(text);
  });
});
