// The ejection move on hand-built Problems: a greedy start that blocks an order, which one
// swap frees. Each case has one scarce resource (a stock key, a clearance port day, a ULD
// allotment); the order holding it has another choice. Worked by hand: the repair must serve
// both orders, with the blocked order on the scarce resource and the other moved off it.
import { describe, expect, it } from 'vitest';
import { Assignment, UNASSIGNED } from '../../../src/optimise/model/assignment.js';
import type { Choice, Problem } from '../../../src/optimise/model/problem.js';
import { repairUnserved } from '../../../src/optimise/repair/repair.js';
import { consolidationFixture } from '../fixtures.js';

const { index } = consolidationFixture();

function choice(ownMinor: number, extra: Partial<Choice> = {}): Choice {
  return { parcels: [], ownMinor, uses: [], portDays: [], stock: [], ...extra };
}

/** A on its cheap choice 0 (the scarce resource), B unserved; B's only choice needs it too. */
function blockedStart(problem: Problem): Assignment {
  const a = new Assignment(problem, index);
  a.assign(0, 0);
  expect(a.insertionCost(1, 0)).toBe(Infinity);
  return a;
}

describe('repairUnserved: one swap frees a blocked order', () => {
  it('stock: the order with another source gives the scarce unit to the one without', () => {
    const problem: Problem = {
      departures: [], portDays: [],
      stock: [{ node: 'BW-SH', sku: 'SKU-Y', available: 1 }],
      orders: [
        { order: 'A', weightKg: 1, choices: [choice(100, { stock: [{ key: 0, qty: 1 }] }), choice(500)] },
        { order: 'B', weightKg: 1, choices: [choice(100, { stock: [{ key: 0, qty: 1 }] })] },
      ],
    };
    const a = blockedStart(problem);
    const stats = repairUnserved(a);
    expect(stats).toEqual({ tried: 1, placed: 1, stopped: false });
    expect([...a.choiceOf]).toEqual([1, 0]);
    expect(a.total).toBe(600);
  });

  it('clearance port day: the order that may clear another day moves there', () => {
    const problem: Problem = {
      departures: [], stock: [],
      portDays: [{ port: 'PORT-SH', date: '2026-11-23', capacity: 1 }, { port: 'PORT-SH', date: '2026-11-24', capacity: 1 }],
      orders: [
        { order: 'A', weightKg: 1, choices: [choice(100, { portDays: [0] }), choice(120, { portDays: [1] })] },
        { order: 'B', weightKg: 1, choices: [choice(100, { portDays: [0] })] },
      ],
    };
    const a = blockedStart(problem);
    expect(repairUnserved(a).placed).toBe(1);
    expect([...a.choiceOf]).toEqual([1, 0]);
  });

  it('ULD allotment: a heavy order on a full departure moves to the next flight', () => {
    // AIR-A takes two AKEs of 1,588 kg: 3,000 kg of A leaves no room for B's 1,000 kg.
    const problem: Problem = {
      departures: [
        { lane: 'AIR-A', departureMs: 0, origin: 'NRT' },
        { lane: 'AIR-A', departureMs: 86_400_000, origin: 'NRT' },
      ],
      portDays: [], stock: [],
      orders: [
        { order: 'A', weightKg: 3000, choices: [choice(100, { uses: [{ dep: 0, weightKg: 3000, volumeM3: 1 }] }), choice(100, { uses: [{ dep: 1, weightKg: 3000, volumeM3: 1 }] })] },
        { order: 'B', weightKg: 1000, choices: [choice(100, { uses: [{ dep: 0, weightKg: 1000, volumeM3: 1 }] })] },
      ],
    };
    const a = blockedStart(problem);
    expect(repairUnserved(a).placed).toBe(1);
    expect([...a.choiceOf]).toEqual([1, 0]);
    expect(a.total).toBeCloseTo(a.recomputeTotal(), 6);
  });

  it('stock: the first rider\'s other source is taken too, so the unit comes from the second rider', () => {
    // Bonded holds 2 units, both drawn: R1 (first) could go to the base, but X holds the base's
    // one unit and has no other source; R2 could go to the second base, which has room. B may
    // only use bonded. Displacing R1 frees a unit but leaves R1 nowhere to go; R2 is the swap.
    const problem: Problem = {
      departures: [], portDays: [],
      stock: [
        { node: 'BW-SH', sku: 'SKU-Y', available: 2 },
        { node: 'BASE-JP', sku: 'SKU-Y', available: 1 },
        { node: 'BASE-KR', sku: 'SKU-Y', available: 5 },
      ],
      orders: [
        { order: 'X', weightKg: 1, choices: [choice(100, { stock: [{ key: 1, qty: 1 }] })] },
        { order: 'R1', weightKg: 1, choices: [choice(100, { stock: [{ key: 0, qty: 1 }] }), choice(200, { stock: [{ key: 1, qty: 1 }] })] },
        { order: 'R2', weightKg: 1, choices: [choice(100, { stock: [{ key: 0, qty: 1 }] }), choice(300, { stock: [{ key: 2, qty: 1 }] })] },
        { order: 'B', weightKg: 1, choices: [choice(100, { stock: [{ key: 0, qty: 1 }] })] },
      ],
    };
    const a = new Assignment(problem, index);
    for (const o of [0, 1, 2]) a.assign(o, 0);
    expect(a.insertionCost(3, 0)).toBe(Infinity);
    expect(a.insertionCost(1, 1)).toBe(Infinity);
    expect(repairUnserved(a)).toEqual({ tried: 1, placed: 1, stopped: false });
    expect([...a.choiceOf]).toEqual([0, 0, 1, 0]);
    expect(a.total).toBe(600);
  });

  it('no swap exists: both orders need the one unit, the start is kept exactly', () => {
    const problem: Problem = {
      departures: [], portDays: [],
      stock: [{ node: 'BW-SH', sku: 'SKU-Y', available: 1 }],
      orders: [
        { order: 'A', weightKg: 1, choices: [choice(100, { stock: [{ key: 0, qty: 1 }] })] },
        { order: 'B', weightKg: 1, choices: [choice(100, { stock: [{ key: 0, qty: 1 }] })] },
      ],
    };
    const a = blockedStart(problem);
    expect(repairUnserved(a)).toEqual({ tried: 1, placed: 0, stopped: false });
    expect([...a.choiceOf]).toEqual([0, UNASSIGNED]);
    expect(a.total).toBe(100);
  });
});
