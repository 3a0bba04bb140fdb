// How each mode meets customs: every lane one customs allows, direct mail clears once at a
// clearance port, bonded is released or clears once from its warehouse, general trade stays home.
import { describe, expect, it } from 'vitest';
import type { Lane, Network } from '../../src/domain/network.js';
import { parcelOf, verifyCorrupted, violationsOf } from './harness.js';

function lane(fields: Pick<Lane, 'id' | 'from' | 'to' | 'mode'> & Partial<Lane>): Lane {
  return {
    schedule: { kind: 'continuous', transitMinutes: 120 },
    cost: { perParcelMinor: 100, perParcelKgMinor: 0, includedKg: 0, perConsolidationMinor: 0, perUldMinor: 0 },
    volumetricDivisor: 6000,
    ...fields,
  };
}

describe('customs crossing', () => {
  it('names a direct-mail parcel that skips clearance (CUSTOMS_CROSSING)', () => {
    // P-O1 lands at PVG and trucks straight to ZONE-SH: never cleared.
    const result = verifyCorrupted(
      (plan) => {
        const parcel = parcelOf(plan, 'O1');
        parcel.legs = [
          ...parcel.legs.slice(0, 2),
          { lane: 'TRK-PVG-SH', mode: 'truck', from: 'PVG', to: 'ZONE-SH', departure: '2026-11-12T05:30:00+08:00', arrival: '2026-11-12T07:30:00+08:00' },
        ];
      },
      { network: (network) => network.lanes.push(lane({ id: 'TRK-PVG-SH', from: 'PVG', to: 'ZONE-SH', mode: 'truck' })) },
    );
    // The truck itself is a lane customs forbids (abroad → domestic), and the parcel never clears.
    const violations = violationsOf(result, 'CUSTOMS_CROSSING');
    expect(violations).toMatchObject([
      { order: 'O1', parcel: 'P-O1', found: 'TRK-PVG-SH' },
      { order: 'O1', parcel: 'P-O1', expected: 'one clearance leg', found: 0 },
    ]);
    expect(violations[0]?.message).toContain('only through a clearance lane into a clearance port');
  });

  it('names a last mile straight from an overseas base (CUSTOMS_CROSSING)', () => {
    const result = verifyCorrupted(
      (plan) => {
        parcelOf(plan, 'O1').legs = [
          { lane: 'LM-BASE-SH', mode: 'last_mile', from: 'BASE-US', to: 'ZONE-SH', departure: '2026-11-10T08:00:00-08:00', arrival: '2026-11-10T10:00:00-08:00' },
        ];
      },
      { network: (network) => network.lanes.push(lane({ id: 'LM-BASE-SH', from: 'BASE-US', to: 'ZONE-SH', mode: 'last_mile' })) },
    );
    expect(violationsOf(result, 'CUSTOMS_CROSSING').map((v) => v.found)).toEqual(['LM-BASE-SH', 0]);
  });

  it('accepts a bonded parcel cleared once at a port from its bonded warehouse (1210)', () => {
    const result = verifyCorrupted(
      (plan) => {
        parcelOf(plan, 'O3').legs = [
          { lane: 'CLR-BW-PORT', mode: 'clearance', from: 'BW-SH', to: 'PORT-SH', departure: '2026-11-11T11:00:00+08:00', arrival: '2026-11-11T13:00:00+08:00' },
          { lane: 'LM-SH', mode: 'last_mile', from: 'PORT-SH', to: 'ZONE-SH', departure: '2026-11-11T13:00:00+08:00', arrival: '2026-11-12T13:00:00+08:00' },
        ];
      },
      { network: (network) => network.lanes.push(lane({ id: 'CLR-BW-PORT', from: 'BW-SH', to: 'PORT-SH', mode: 'clearance' })) },
    );
    // (Its times and costs no longer match: not what is asserted.)
    expect(violationsOf(result, 'CUSTOMS_CROSSING')).toEqual([]);
  });

  it('names a bonded parcel cleared into its zone rather than a port (CUSTOMS_CROSSING)', () => {
    const result = verifyCorrupted(
      (plan) => {
        parcelOf(plan, 'O3').legs = [
          { lane: 'CLR-BW-SH', mode: 'clearance', from: 'BW-SH', to: 'ZONE-SH', departure: '2026-11-11T11:00:00+08:00', arrival: '2026-11-11T13:00:00+08:00' },
        ];
      },
      { network: (network) => network.lanes.push(lane({ id: 'CLR-BW-SH', from: 'BW-SH', to: 'ZONE-SH', mode: 'clearance' })) },
    );
    // A clearance lane out of a bonded warehouse must lead into a clearance port.
    const [violation] = violationsOf(result, 'CUSTOMS_CROSSING');
    expect(violation).toMatchObject({ order: 'O3', parcel: 'P-O3', found: 'CLR-BW-SH' });
    expect(violation?.message).toContain('a clearance lane runs from an airport or a bonded warehouse to a clearance port');
  });

  it('names a general-trade parcel with a leg abroad (CUSTOMS_CROSSING)', () => {
    // A "domestic" warehouse in Los Angeles ships O3 as general trade: its goods were never imported.
    const abroad = (network: Network) => {
      network.nodes.push({
        id: 'DW-LA', kind: 'domestic_warehouse', name: 'LA warehouse', country: 'US', lat: 34, lon: -118.3,
        timeZone: 'America/Los_Angeles', calendar: 'CAL-US', handlingMinutes: 0, handlingPerParcelMinor: 0,
      });
      network.lanes.push(lane({ id: 'LM-LA-SH', from: 'DW-LA', to: 'ZONE-SH', mode: 'last_mile' }));
      network.serviceLevels.find((l) => l.id === 'BD-3')?.modes.push('general_trade');
    };
    const result = verifyCorrupted(
      (plan) => {
        const parcel = parcelOf(plan, 'O3');
        parcel.source = 'DW-LA';
        parcel.mode = 'general_trade';
        parcel.legs = [{ lane: 'LM-LA-SH', mode: 'last_mile', from: 'DW-LA', to: 'ZONE-SH', departure: '2026-11-10T18:00:00-08:00', arrival: '2026-11-10T20:00:00-08:00' }];
      },
      { network: abroad, stock: (stock) => stock.push({ node: 'DW-LA', sku: 'SKU-C', qty: 1 }) },
    );
    const [violation] = violationsOf(result, 'CUSTOMS_CROSSING');
    expect(violation).toMatchObject({ order: 'O3', parcel: 'P-O3', found: 'LM-LA-SH' });
    expect(violation?.message).toContain('DW-LA (domestic_warehouse, US)');
  });
});
