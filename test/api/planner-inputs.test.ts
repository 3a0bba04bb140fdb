// Bad input and bad usage: the network, stock and orders handed to the library are checked
// like files (InputError naming "<network>", "<stock>", "<orders>" and the JSON path), and
// wrong options are UsageErrors naming the option.
import { afterAll, describe, expect, it } from 'vitest';
import { createPlanner, type Planner } from '../../src/api/planner.js';
import { InputError, UsageError } from '../../src/domain/errors.js';
import type { Network } from '../../src/domain/network.js';
import type { Order } from '../../src/domain/orders.js';
import { apiFixture } from './fixtures.js';

const f = apiFixture(20, 4);
const planners: Planner[] = [];
afterAll(async () => {
  await Promise.all(planners.map((p) => p.close()));
});

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('createPlanner checks its inputs', () => {
  it('rejects a network that fails the schema, naming the path', () => {
    const network = { ...f.network, lanes: [{ ...f.network.lanes[0], from: 42 }, ...f.network.lanes.slice(1)] } as unknown as Network;
    const error = inputError(() => createPlanner({ network, stock: f.stock, workers: 0 }));
    expect(error.problems[0]).toMatchObject({ file: '<network>', where: 'lanes[0].from', field: 'from', found: '42' });
  });

  it('rejects a network that fails the semantic checks (a lane to an unknown node)', () => {
    const network = { ...f.network, lanes: [{ ...f.network.lanes[0]!, to: 'NOWHERE' }, ...f.network.lanes.slice(1)] };
    const error = inputError(() => createPlanner({ network, stock: f.stock, workers: 0 }));
    expect(error.problems.some((p) => p.file === '<network>' && p.where.startsWith('lanes[0]') && p.found.includes('NOWHERE'))).toBe(true);
  });

  it('rejects stock on a node that does not exist', () => {
    const stock = [...f.stock, { node: 'NOWHERE', sku: 'X', qty: 1 }];
    const error = inputError(() => createPlanner({ network: f.network, stock, workers: 0 }));
    expect(error.problems[0]).toMatchObject({ file: '<stock>', where: `stock[${f.stock.length}].node`, field: 'node' });
  });

  it.each([
    [{ workers: -1 }, /workers must be an integer >= 0, got -1/],
    [{ workers: 1.5 }, /workers must be an integer >= 0, got 1.5/],
    [{ solver: 'cplex' }, /solver must be one of highs, lp-solver, heuristic, baseline, got "cplex"/],
  ])('rejects options %o', (options, message) => {
    expect(() => createPlanner({ network: f.network, stock: f.stock, ...(options as object) })).toThrow(UsageError);
    expect(() => createPlanner({ network: f.network, stock: f.stock, ...(options as object) })).toThrow(message);
  });
});

describe('planner.plan checks its inputs', () => {
  const planner = createPlanner({ network: f.network, stock: f.stock, workers: 0 });
  planners.push(planner);

  it('rejects an order to a destination that is no zone, naming the order', async () => {
    const orders: Order[] = [f.orders[0]!, { ...f.orders[1]!, destination: 'NOWHERE' }];
    const error = await planner.plan(orders).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatchObject({ file: '<orders>', where: 'orders[1].destination', field: 'destination' });
  });

  it('rejects an order that fails the schema (no lines)', async () => {
    const orders = [{ ...f.orders[0]!, lines: [] }];
    const error = await planner.plan(orders).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatchObject({ where: 'orders[0].lines', expected: 'at least 1 item' });
  });

  it('rejects two orders with one id', async () => {
    const error = await planner.plan([f.orders[0]!, f.orders[0]!]).catch((e: unknown) => e);
    expect((error as InputError).problems[0]).toMatchObject({ where: 'orders[1].id' });
  });

  it.each([0, -5, Number.NaN, Infinity])('rejects timeLimitMs %s', async (timeLimitMs) => {
    await expect(planner.plan(f.orders, { timeLimitMs })).rejects.toThrow(UsageError);
  });

  it('refuses to plan once closed', async () => {
    const closed = createPlanner({ network: f.network, stock: f.stock, workers: 1 });
    await closed.close();
    await expect(closed.plan(f.orders)).rejects.toThrow(/the planner is closed/);
    await closed[Symbol.asyncDispose](); // idempotent
  });
});
