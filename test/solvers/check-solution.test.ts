// checkSolution: the independent re-check every backend answer goes through. Each kind of
// violation is rejected, and floating-point noise below the tolerance (1e-6, scaled by the
// magnitude of the value or the row's largest term) is accepted.
import { describe, expect, it } from 'vitest';
import { checkSolution, ModelBuilder } from '../../src/solvers/index.js';

// x ∈ [0, 4] integer, y ∈ [−1, 3]; rows: x + y ≥ 2 ("cover"), x − y ≤ 3 ("spread").
// [2, 0.5] is inside everything: cover 2.5 ≥ 2, spread 1.5 ≤ 3.
function model() {
  const b = new ModelBuilder();
  const x = b.column('x', 1, { upper: 4, integer: true });
  const y = b.column('y', 1, { lower: -1, upper: 3 });
  b.row('cover', [[x, 1], [y, 1]], { lower: 2 });
  b.row('spread', [[x, 1], [y, -1]], { upper: 3 });
  return b.model;
}

describe('checkSolution', () => {
  it('accepts a point inside every bound and row', () => {
    expect(checkSolution(model(), [2, 0.5])).toBeNull();
  });

  it('rejects a column above its upper bound', () => {
    // x = 5 > 4 (cover 5.5 and spread 4.5 would fail too, but bounds are reported first).
    expect(checkSolution(model(), [5, 0.5])).toMatch(/column x .*outside \[0, 4\]/);
  });

  it('rejects a column below its lower bound', () => {
    // y = −1.5 < −1; x = 4 keeps cover at 2.5 but spread 5.5 > 3: the bound is reported first.
    expect(checkSolution(model(), [4, -1.5])).toMatch(/column y .*outside \[-1, 3\]/);
  });

  it('rejects a row below its lower side', () => {
    // cover = 1 + 0 = 1 < 2; bounds and spread (1 ≤ 3) are fine.
    expect(checkSolution(model(), [1, 0])).toMatch(/row cover = 1 outside/);
  });

  it('rejects a row above its upper side', () => {
    // spread = 4 − 0.5 = 3.5 > 3; cover 4.5 ≥ 2 is fine.
    expect(checkSolution(model(), [4, 0.5])).toMatch(/row spread = 3.5 outside/);
  });

  it('rejects a fractional value in an integer column unless relaxed', () => {
    // x = 1.5, y = 1: cover 2.5, spread 0.5 — only integrality fails.
    expect(checkSolution(model(), [1.5, 1])).toMatch(/column x = 1.5 is not integral/);
    expect(checkSolution(model(), [1.5, 1], { relax: true })).toBeNull();
  });

  it('rejects too few or too many values', () => {
    expect(checkSolution(model(), [2])).toBe('expected 2 values, got 1');
    expect(checkSolution(model(), [2, 0.5, 0])).toBe('expected 2 values, got 3');
  });

  it('rejects NaN and infinite values', () => {
    expect(checkSolution(model(), [NaN, 0.5])).toMatch(/column x is not finite/);
    expect(checkSolution(model(), [2, Infinity])).toMatch(/column y is not finite/);
  });

  it('accepts noise below the tolerance on a bound, and rejects it beyond', () => {
    // x = 4 + 4e-7: bound tolerance 1e-6·4, integrality 4e-7 ≤ 1e-6; y = 1 keeps spread at
    // 3 + 4e-7, inside the row tolerance 1e-6·4 (largest term 4).
    expect(checkSolution(model(), [4 + 4e-7, 1])).toBeNull();
    expect(checkSolution(model(), [4 + 1e-4, 1])).toMatch(/column x .*outside/);
  });

  it('accepts noise below the tolerance on a row, and rejects it beyond', () => {
    // cover = 2 − 5e-7, tolerance 1e-6·2 (largest term x = 2).
    expect(checkSolution(model(), [2, -5e-7])).toBeNull();
    expect(checkSolution(model(), [2, -1e-4])).toMatch(/row cover = .* outside/);
  });

  it('accepts noise below the tolerance on integrality, and rejects it beyond', () => {
    // x = 3 − 8e-7 with y = 0: cover ≈ 3, spread ≈ 3 − 8e-7, both fine; only integrality is tested.
    expect(checkSolution(model(), [3 - 8e-7, 0])).toBeNull();
    expect(checkSolution(model(), [3 - 1e-5, 0])).toMatch(/column x = .* is not integral/);
  });

  it("scales a row's tolerance by its largest term", () => {
    // 1e6·z ≤ 1e6 with z = 1 + 1e-7: the sum is 1e6 + 0.1, inside 1e-6·1e6 ≈ 1; with z = 1 + 1e-5
    // the sum is 1e6 + 10, outside.
    const b = new ModelBuilder();
    const z = b.column('z', 1);
    b.row('big', [[z, 1e6]], { upper: 1e6 });
    expect(checkSolution(b.model, [1 + 1e-7])).toBeNull();
    expect(checkSolution(b.model, [1 + 1e-5])).toMatch(/row big = .* outside/);
  });
});
