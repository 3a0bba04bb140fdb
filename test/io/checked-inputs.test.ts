// Inputs `loadInputs` checked are recorded so the planner need not check them again; the record
// stays true only because the loaded values are frozen all the way down: a change after loading
// throws instead of slipping past the check. A copy is not the checked value.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../src/cli/paths.js';
import { isCheckedNetwork, wasChecked } from '../../src/io/checked-inputs.js';
import { createPlanner } from '../../src/api/planner.js';
import { InputError } from '../../src/domain/errors.js';
import { loadInputs } from '../../src/io/load.js';

const EXAMPLE = join(DATA_DIR, 'examples', 'tiny');
const load = () => loadInputs({ network: join(EXAMPLE, 'network.json'), orders: join(EXAMPLE, 'orders.csv'), stock: join(EXAMPLE, 'stock.csv') });

describe('inputs checked by the loader', () => {
  it('are recorded against the very network and stock they were checked with', () => {
    const { network, orders = [], stock = [] } = load();
    expect(wasChecked(orders, network, stock)).toBe(true);
    expect(wasChecked([...orders], network, stock)).toBe(false);
    expect(wasChecked(orders, structuredClone(network), stock)).toBe(false);
    expect(wasChecked(orders, network, [...stock])).toBe(false);
  });

  it('are frozen all the way down: orders, their lines, boxes and sources, the stock and the network', () => {
    const { network, orders = [], stock = [] } = load();
    const withSources = orders.find((o) => (o.allowedSources?.length ?? 0) > 0);
    const line = orders[0]?.lines[0];
    expect(withSources).toBeDefined();
    expect(line?.dimensionsCm).toBeDefined();
    for (const value of [orders, orders[0], orders[0]?.lines, line, line?.dimensionsCm, withSources?.allowedSources, stock, stock[0], network, network.lanes, network.lanes[0], network.nodes[0]]) {
      expect(Object.isFrozen(value)).toBe(true);
    }
    // Test files are ES modules (strict mode): writing to a frozen object throws.
    expect(() => {
      if (line !== undefined) (line as { qty: number }).qty = 0;
    }).toThrow(TypeError);
    expect(() => (orders as unknown[]).push({})).toThrow(TypeError);
  });

  it('give the planner their network as it is; any other network value is parsed and checked', async () => {
    const { network, stock = [] } = load();
    expect(isCheckedNetwork(network)).toBe(true);
    const copy = structuredClone(network);
    expect(isCheckedNetwork(copy)).toBe(false);
    await using loaded = createPlanner({ network, stock, workers: 0, solver: 'baseline' });
    expect(loaded.network).toBe(network);
    await using given = createPlanner({ network: copy, stock, workers: 0, solver: 'baseline' });
    expect(given.network).not.toBe(copy);
    expect(given.network).toEqual(copy);
    // A copy with an error is still refused: only the loader's own value skips the check.
    const broken = { ...copy, nodes: copy.nodes.map((n, i) => (i === 0 ? { ...n, timeZone: 'Mars/Olympus_Mons' } : n)) };
    expect(() => createPlanner({ network: broken, stock, workers: 0, solver: 'baseline' })).toThrow(InputError);
  });
});
