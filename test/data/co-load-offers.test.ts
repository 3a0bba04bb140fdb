// The default network's co-load offers stay within the documented assumption (data/README.md):
// on every air lane, 1.2–1.5 × the lane's +100 kg rate per kg and a minimum of CNY 200–400.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Network } from '../../src/domain/network.js';

const network = Network.parse(JSON.parse(readFileSync(new URL('../../data/network.json', import.meta.url), 'utf8')));

describe('co-load offers of the default network', () => {
  it('every air lane offers co-load within 1.2–1.5 × its +100 kg rate, minimum CNY 200–400', () => {
    const air = network.lanes.filter((l) => l.mode === 'air');
    expect(air.length).toBeGreaterThan(100);
    const outside: string[] = [];
    for (const lane of air) {
      const per100 = lane.cost.freight?.breaks.find((b) => b.fromKg === 100)?.perKgMinor;
      const offer = lane.coLoad;
      if (offer === undefined || per100 === undefined) {
        outside.push(`${lane.id}: no offer or no +100 kg rate`);
        continue;
      }
      const factor = offer.perKgMinor / per100;
      if (factor < 1.2 || factor > 1.5 || offer.minChargeMinor < 20_000 || offer.minChargeMinor > 40_000) {
        outside.push(`${lane.id}: ${factor.toFixed(3)} ×, minimum ${offer.minChargeMinor}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
