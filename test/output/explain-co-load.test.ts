// explainOrder says how a consolidation ships: a co-loaded one rides loose under a
// consolidator's master air waybill, with no ULDs of ours.
import { describe, expect, it } from 'vitest';
import { explainOrder, explainOrderData } from '../../src/output/explain.js';
import { fixtureIndex, fixturePlan } from './fixtures.js';

describe('explainOrder (co-load)', () => {
  const index = fixtureIndex();

  it('names a co-loaded consolidation as shipped loose', () => {
    const plan = fixturePlan();
    Object.assign(plan.consolidations[0]!, { shipping: 'co_load', ulds: 0, utilisation: 0, fixedMinor: 0, uldMinor: 0 });
    expect(explainOrderData(plan, index, 'O1').consolidations[0]!.shipping).toBe('co_load');
    const text = explainOrder(plan, index, 'O1');
    expect(text).toContain('shipped loose (co-load), no ULDs of ours, 30 kg (chargeable 30 kg)');
    expect(text).not.toContain('1 ULD AKE');
  });

  it('reads a consolidation without a stated way as our own', () => {
    const plan = fixturePlan();
    delete plan.consolidations[0]!.shipping;
    expect(explainOrderData(plan, index, 'O1').consolidations[0]!.shipping).toBe('own');
    expect(explainOrder(plan, index, 'O1')).toContain('1 ULD AKE, 30 kg');
  });
});
