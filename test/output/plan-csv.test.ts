// The plan CSV: one row per parcel leg plus one per unplanned order, parcel cost on the first leg row.
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/io/csv.js';
import { PLAN_CSV_HEADER, planToCsv } from '../../src/output/plan-csv.js';
import { C1, fixturePlan } from './fixtures.js';

function parse(text: string): Record<string, string>[] {
  const doc = readCsv(text);
  expect(doc.problems).toEqual([]);
  const [header, ...rows] = doc.records;
  expect(header?.cells).toEqual([...PLAN_CSV_HEADER]);
  return rows.map((r) => {
    expect(r.cells).toHaveLength(PLAN_CSV_HEADER.length);
    return Object.fromEntries(PLAN_CSV_HEADER.map((h, i) => [h, r.cells[i] ?? '']));
  });
}

/** "493.67" → 49367, exactly. */
function toMinor(major: string): number {
  const [whole = '0', cents = '0'] = major.split('.');
  return Number(whole) * 100 + Number(cents);
}

describe('planToCsv', () => {
  it('parses back to one row per leg plus one per unplanned order', () => {
    const rows = parse(planToCsv(fixturePlan()));
    // 2 parcels × 4 legs + 1 unplanned order
    expect(rows).toHaveLength(9);
    expect(rows.map((r) => `${r['order']}:${r['leg']}`)).toEqual(['O1:1', 'O1:2', 'O1:3', 'O1:4', 'O2:1', 'O2:2', 'O2:3', 'O2:4', 'O3:']);
  });

  it('fills the leg columns with local times and the consolidation', () => {
    const rows = parse(planToCsv(fixturePlan()));
    const air = rows[1]!;
    expect(air).toMatchObject({
      order: 'O1', status: 'planned', parcel: 'O1/1', leg: '2', source: 'US-LAX-BASE', mode: 'direct_mail',
      lane: 'LAX-PVG-CA', lane_mode: 'air', from: 'LAX', to: 'PVG',
      departure: '2026-11-09T23:30:00-08:00', arrival: '2026-11-11T04:30:00+08:00',
      consolidation: C1, chargeable_kg: '10',
    });
    expect(rows[0]?.['consolidation']).toBe('');
  });

  it('puts the parcel cost on its first leg row only, in major units', () => {
    const rows = parse(planToCsv(fixturePlan()));
    expect(rows[0]).toMatchObject({
      cost_handling: '5.00', cost_freight: '200.00', cost_consolidation: '266.67', cost_clearance: '10.00',
      cost_last_mile: '12.00', cost_total: '493.67', tax: '11.82', tax_basis: 'cbec_reduced',
    });
    for (const i of [1, 2, 3]) expect(rows[i]?.['cost_total']).toBe('');
    // Summing the column counts each parcel once: 49367 + 96233 = 145600, the plan's total.
    const sum = rows.filter((r) => r['cost_total'] !== '').reduce((s, r) => s + toMinor(r['cost_total']!), 0);
    expect(sum).toBe(145600);
    const taxes = rows.filter((r) => r['tax'] !== '').reduce((s, r) => s + toMinor(r['tax']!), 0);
    expect(taxes).toBe(5732);
  });

  it('writes unplanned orders with status, reason and message, leg columns empty', () => {
    const plan = fixturePlan();
    const o3 = plan.orders[2];
    if (o3?.status !== 'unplanned') throw new Error('fixture changed');
    o3.message = 'Too late, "really", sorry'; // a comma and quotes must survive the round trip
    const last = parse(planToCsv(plan)).at(-1)!;
    expect(last).toMatchObject({ order: 'O3', status: 'unplanned', reason: 'SLA_INFEASIBLE', message: 'Too late, "really", sorry' });
    expect(last['lane']).toBe('');
    expect(last['cost_total']).toBe('');
  });
});
