// What is checked of the lower bound: it is a number no greater than the recomputed cost, the
// gap follows from the two, bound and gap are null together (LOWER_BOUND), and the bound is
// re-derived from its certificate (LOWER_BOUND_CERTIFICATE). The fixture's certificate is worked
// by hand in fixtures.ts: its floors add up to 176043.30 fen, it states 170000.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.js';
import { rulesOf, verifyCorrupted, violationsOf } from './harness.js';

function certificate(plan: Plan): NonNullable<Plan['totals']['boundCertificate']> {
  const cert = plan.totals.boundCertificate;
  if (cert === undefined) throw new Error('test: the fixture has no certificate');
  return cert;
}

function stateBound(plan: Plan, boundMinor: number): void {
  plan.totals.lowerBoundMinor = boundMinor;
  plan.totals.gap = (plan.totals.cost.total - boundMinor) / plan.totals.cost.total;
}

describe('lower bound', () => {
  it('accepts the fixture bound, and the most its certificate proves: 176043', () => {
    expect(verifyCorrupted().violations).toEqual([]);
    expect(verifyCorrupted((plan) => stateBound(plan, 176043)).violations).toEqual([]);
  });

  it('names a bound one fen above what its certificate proves (LOWER_BOUND_CERTIFICATE)', () => {
    const result = verifyCorrupted((plan) => stateBound(plan, 176044));
    expect(rulesOf(result)).toEqual(['LOWER_BOUND_CERTIFICATE']);
    expect(violationsOf(result, 'LOWER_BOUND_CERTIFICATE')).toMatchObject([{ expected: '≤ 176043', found: 176044 }]);
  });

  it('names a bound equal to the cost that the certificate does not prove (LOWER_BOUND_CERTIFICATE)', () => {
    const result = verifyCorrupted((plan) => {
      plan.totals.lowerBoundMinor = 176500;
      plan.totals.gap = 0;
    });
    expect(rulesOf(result)).toEqual(['LOWER_BOUND_CERTIFICATE']);
  });

  it('names a bound stated without its certificate; accepts 0 without one', () => {
    const removed = verifyCorrupted((plan) => {
      delete plan.totals.boundCertificate;
    });
    expect(rulesOf(removed)).toEqual(['LOWER_BOUND_CERTIFICATE']);
    expect(violationsOf(removed, 'LOWER_BOUND_CERTIFICATE')).toMatchObject([{ found: 'none' }]);
    const zero = verifyCorrupted((plan) => {
      delete plan.totals.boundCertificate;
      stateBound(plan, 0);
    });
    expect(zero.violations).toEqual([]);
  });

  it('names a certificate whose floors add up to more than the verifier recomputes (LOWER_BOUND_CERTIFICATE)', () => {
    const result = verifyCorrupted((plan) => {
      certificate(plan).floorsMinor = 176044;
    });
    expect(rulesOf(result)).toEqual(['LOWER_BOUND_CERTIFICATE']);
    expect(violationsOf(result, 'LOWER_BOUND_CERTIFICATE')[0]?.message).toMatch(/floors add up to 176044, recomputed 176043\.3/);
  });

  it('names a lane rate above the per-kg floor up to its cap (LOWER_BOUND_CERTIFICATE)', () => {
    const result = verifyCorrupted((plan) => {
      const lane = certificate(plan).lanes[0]!;
      lane.perKgMinor += 1;
    });
    expect(rulesOf(result)).toEqual(['LOWER_BOUND_CERTIFICATE']);
    expect(violationsOf(result, 'LOWER_BOUND_CERTIFICATE')[0]?.message).toMatch(/AIR-LAX-PVG: rate .* is above/);
  });

  it('names a lane cap below what its departures may carry (LOWER_BOUND_CERTIFICATE), and re-derives the bound without it', () => {
    // At a cap of 22 kg the per-kg floor rises (the fixed 70000 over 22 kg): the bound would too.
    const result = verifyCorrupted((plan) => {
      const lane = certificate(plan).lanes[0]!;
      lane.capKg = 22;
      lane.perKgMinor = 70000 / 22 + 90000 / 39.5;
    });
    expect(rulesOf(result)).toEqual(['LOWER_BOUND_CERTIFICATE']);
    expect(violationsOf(result, 'LOWER_BOUND_CERTIFICATE')).toMatchObject([{ expected: '≥ 39.3', found: 22 }]);
  });

  it('accepts a weaker certificate: a lane left out counts 0 per kg, every floor then smaller', () => {
    const result = verifyCorrupted((plan) => {
      certificate(plan).lanes = [];
      certificate(plan).floorsMinor = 0;
      stateBound(plan, 10000);
    });
    expect(result.violations).toEqual([]);
  });

  it('names a bound that leaves a planned order out yet states as much (LOWER_BOUND_CERTIFICATE)', () => {
    // O1 left out of the bound (counted 0): O2 and O3 remain.
    const result = verifyCorrupted((plan) => {
      certificate(plan).unbounded = ['O1'];
    });
    // 170000 is far above what O2 and O3 alone prove.
    expect(rulesOf(result)).toEqual(['LOWER_BOUND_CERTIFICATE']);
    expect(violationsOf(result, 'LOWER_BOUND_CERTIFICATE').map((v) => v.message).join(' ')).toMatch(/bounded orders/);
  });

  it('names a bound one fen above the recomputed cost (LOWER_BOUND)', () => {
    const result = verifyCorrupted((plan) => {
      plan.totals.lowerBoundMinor = 176501;
      plan.totals.gap = 0;
    });
    expect(rulesOf(result)).toEqual(['LOWER_BOUND', 'LOWER_BOUND_CERTIFICATE']);
    expect(violationsOf(result, 'LOWER_BOUND')[0]).toMatchObject({ expected: '≤ 176500', found: 176501 });
  });

  it('names a bound without a gap (LOWER_BOUND)', () => {
    const result = verifyCorrupted((plan) => {
      plan.totals.gap = null;
    });
    expect(rulesOf(result)).toEqual(['LOWER_BOUND']);
    expect(violationsOf(result, 'LOWER_BOUND')).toMatchObject([{ found: 'null' }]);
  });
});
