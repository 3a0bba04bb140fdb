// Same inputs and options, same plan: byte for byte, run after run (stopping rules count
// work, never milliseconds; the exact solves count branch-and-bound nodes). Across worker
// counts and machine speeds: test/pool/same-plan-any-workers.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexNetwork } from '../../src/domain/network-index.js';
import { Network } from '../../src/domain/network.js';
import { planBatch } from '../../src/engine/plan-batch.js';
import { generateBatch } from '../../src/generate/batch.js';
import { createItineraryContext } from '../../src/graph/itineraries.js';
import { createTimeModel } from '../../src/time/index.js';

const network = Network.parse(JSON.parse(readFileSync(new URL('../../data/network.json', import.meta.url), 'utf8')));

function freshContext() {
  return createItineraryContext(createTimeModel(indexNetwork(network)));
}

describe('deterministic plans', () => {
  it('gives a byte-identical plan JSON for the same batch, twice, from fresh contexts', async () => {
    const { orders, stock } = generateBatch(network, { orders: 300, seed: 11, profile: 'normal' });
    const first = JSON.stringify(await planBatch(freshContext(), orders, stock, { solver: 'highs' }));
    const second = JSON.stringify(await planBatch(freshContext(), orders, stock, { solver: 'highs' }));
    expect(second).toBe(first);
    expect(JSON.parse(first).totals.planned).toBeGreaterThan(200);
  });

  it('gives a byte-identical plan twice with javascript-lp-solver, whose node limit is a counting clock', async () => {
    const { orders, stock } = generateBatch(network, { orders: 150, seed: 12, profile: 'normal' });
    const first = JSON.stringify(await planBatch(freshContext(), orders, stock, { solver: 'lp-solver' }));
    const second = JSON.stringify(await planBatch(freshContext(), orders, stock, { solver: 'lp-solver' }));
    expect(second).toBe(first);
    expect(JSON.parse(first).totals.planned).toBeGreaterThan(100);
  });
});
