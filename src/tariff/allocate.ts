// Splitting a whole-minor-unit charge (a consolidation's freight) over its parcels so the
// shares are whole minor units and sum to the charge exactly.

/**
 * Largest-remainder (Hamilton) allocation of `totalMinor` in proportion to `weights`: each
 * share is floor(total × w / Σw), and the units left over go one each to the largest
 * remainders, ties to the lower index. Deterministic, and Σ shares === totalMinor always.
 * All-zero weights share equally (same rule with equal weights).
 */
export function allocateMinor(totalMinor: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalMinor)) {
    throw new RangeError(`xbroute/tariff/allocateMinor: total must be a whole number of minor units, found ${totalMinor}`);
  }
  const n = weights.length;
  if (n === 0) {
    if (totalMinor === 0) return [];
    throw new RangeError(`xbroute/tariff/allocateMinor: cannot allocate ${totalMinor} over no weights`);
  }
  let weightSum = 0;
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) {
      throw new RangeError(`xbroute/tariff/allocateMinor: weights must be finite and >= 0, found ${w}`);
    }
    weightSum += w;
  }
  const shares = new Array<number>(n);
  const remainders = new Array<number>(n);
  let allocated = 0;
  for (let i = 0; i < n; i++) {
    const exact = weightSum > 0 ? (totalMinor * (weights[i] ?? 0)) / weightSum : totalMinor / n;
    const floor = Math.floor(exact);
    shares[i] = floor;
    remainders[i] = exact - floor;
    allocated += floor;
  }
  let leftover = totalMinor - allocated; // exact: integers well inside 2^53
  if (leftover === 0) return shares;
  // Mathematically 0 <= leftover < n. Float division can put a floor one unit off
  // (a true 2.9999… computed as 3), so the loop also handles leftover < 0 or >= n.
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || a - b,
  );
  const step = leftover > 0 ? 1 : -1;
  // Units taken back (leftover < 0) come from the smallest remainders, i.e. the reverse order.
  if (step < 0) order.reverse();
  for (let k = 0; leftover !== 0; k = (k + 1) % n) {
    const i = order[k] ?? 0;
    shares[i] = (shares[i] ?? 0) + step;
    leftover -= step;
  }
  return shares;
}
