// The hand-made plan of fixtures.ts is right in every figure: the verifier must accept it,
// and recompute its cost to the fen.
import { describe, expect, it } from 'vitest';
import { verifyPlan } from '../../src/verify/index.js';
import { fixtureInputs, validPlan } from './fixtures.js';

describe('verifyPlan on a valid plan', () => {
  it('finds no violation', () => {
    const result = verifyPlan(fixtureInputs(), validPlan());
    expect(result.violations).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('recomputes the total cost worked out by hand (176500 fen)', () => {
    expect(verifyPlan(fixtureInputs(), validPlan()).recomputedCostMinor).toBe(176500);
  });

  it('leaves the plan it was given untouched', () => {
    const plan = validPlan();
    verifyPlan(fixtureInputs(), plan);
    expect(plan).toEqual(validPlan());
  });

  it('gives the same answer twice', () => {
    const inputs = fixtureInputs();
    const plan = validPlan();
    plan.orders.pop(); // something to report, so the comparison is not of two empty lists
    expect(verifyPlan(inputs, plan)).toEqual(verifyPlan(inputs, plan));
  });
});
