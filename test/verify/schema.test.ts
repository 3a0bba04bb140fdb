// A plan that does not parse is reported, issue by issue, as SCHEMA — never thrown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyPlan } from '../../src/verify/index.js';
import { fixtureInputs, validPlan } from './fixtures.js';
import { rulesOf } from './harness.js';

describe('schema', () => {
  const inputs = fixtureInputs();

  it.each([
    ['nothing', undefined],
    ['a number', 42],
    ['an empty object', {}],
    ['an array', [validPlan()]],
  ])('reports %s as SCHEMA', (_what, plan) => {
    const result = verifyPlan(inputs, plan);
    expect(result.ok).toBe(false);
    expect(rulesOf(result)).toEqual(['SCHEMA']);
    expect(result.recomputedCostMinor).toBe(0);
  });

  it('names the path of the offending field', () => {
    const plan: unknown = JSON.parse(JSON.stringify(validPlan()).replace('"freight":50327', '"freight":-5'));
    const result = verifyPlan(inputs, plan);
    expect(rulesOf(result)).toEqual(['SCHEMA']);
    expect(result.violations[0]?.message).toMatch(/^plan\.orders\[0\]\.cost\.freight: /);
  });

  it('reports money in fractions of a minor unit as SCHEMA', () => {
    const plan = validPlan();
    (plan.totals.cost as { total: number }).total = 176500.5;
    expect(rulesOf(verifyPlan(inputs, plan))).toEqual(['SCHEMA']);
  });

  it('reports a leg without a departure as SCHEMA', () => {
    const plan = JSON.parse(JSON.stringify(validPlan())) as { orders: { parcels?: { legs: Record<string, unknown>[] }[] }[] };
    delete plan.orders[0]?.parcels?.[0]?.legs[0]?.departure;
    const result = verifyPlan(inputs, plan);
    expect(rulesOf(result)).toEqual(['SCHEMA']);
    expect(result.violations[0]?.message).toContain('legs[0].departure');
  });

  it('never throws, whatever it is given (seeded property)', () => {
    fc.assert(
      fc.property(fc.anything(), (plan) => {
        const result = verifyPlan(inputs, plan);
        expect(result.ok).toBe(false);
      }),
      { seed: 20261111, numRuns: 200 },
    );
  });

  it('never throws on a valid plan with one value replaced (seeded property)', () => {
    // Walk to a random spot of the valid plan and put any JSON value there.
    const paths = leafPaths(validPlan());
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const plan = validPlan() as unknown as Record<string, unknown>;
        setAt(plan, path, value);
        const result = verifyPlan(inputs, plan);
        expect(Array.isArray(result.violations)).toBe(true);
        expect(result.ok).toBe(result.violations.length === 0);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, v]) => leafPaths(v, [...prefix, key]))].filter((p) => p.length > 0);
}

function setAt(root: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = root;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}
