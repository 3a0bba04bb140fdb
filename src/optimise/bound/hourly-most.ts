// Amounts open over time windows, and the most open at once over a span: how much of a lane's
// fixed part the bound's shares have taken (lane-shares.ts).
const HOUR_MS = 3_600_000;

/**
 * Amounts open over time windows, summed per hour: a window counts in every hour it touches, so
 * an hour's sum is at least the sum at any instant in it and keeping the hours within a fixed
 * part keeps every instant within it. A segment tree (range add, range most) over hours,
 * doubling its span as windows reach past it.
 */
export class HourlyMost {
  private fromHour = 0;
  private size = 0;
  private peak: Float64Array = new Float64Array(0);
  private pending: Float64Array = new Float64Array(0);

  add(openMs: number, closeMs: number, minor: number): void {
    const [a, b] = this.hours(openMs, closeMs);
    this.update(1, 0, this.size - 1, a, b, minor);
  }

  /** The most open in any hour touching [openMs, closeMs]. */
  most(openMs: number, closeMs: number): number {
    if (this.size === 0) return 0;
    const a = Math.max(0, Math.floor(openMs / HOUR_MS) - this.fromHour);
    const b = Math.min(this.size - 1, Math.floor(closeMs / HOUR_MS) - this.fromHour);
    return a > b ? 0 : this.query(1, 0, this.size - 1, a, b);
  }

  private hours(openMs: number, closeMs: number): [number, number] {
    const first = Math.floor(openMs / HOUR_MS);
    const last = Math.max(first, Math.floor(closeMs / HOUR_MS));
    if (this.size === 0) {
      this.fromHour = first;
      this.resize(64);
    }
    while (first < this.fromHour || last >= this.fromHour + this.size) this.grow(first < this.fromHour);
    return [first - this.fromHour, last - this.fromHour];
  }

  /** Doubles the span, earlier or later, carrying the amounts over hour by hour. */
  private grow(earlier: boolean): void {
    const old = Array.from({ length: this.size }, (_, h) => this.query(1, 0, this.size - 1, h, h));
    const shift = earlier ? this.size : 0;
    this.fromHour -= shift;
    this.resize(this.size * 2);
    old.forEach((v, h) => {
      if (v !== 0) this.update(1, 0, this.size - 1, h + shift, h + shift, v);
    });
  }

  private resize(size: number): void {
    this.size = size;
    this.peak = new Float64Array(4 * size);
    this.pending = new Float64Array(4 * size);
  }

  private update(node: number, lo: number, hi: number, a: number, b: number, v: number): void {
    if (b < lo || hi < a) return;
    if (a <= lo && hi <= b) {
      this.peak[node]! += v;
      this.pending[node]! += v;
      return;
    }
    const mid = (lo + hi) >> 1;
    this.update(2 * node, lo, mid, a, b, v);
    this.update(2 * node + 1, mid + 1, hi, a, b, v);
    this.peak[node] = this.pending[node]! + Math.max(this.peak[2 * node]!, this.peak[2 * node + 1]!);
  }

  private query(node: number, lo: number, hi: number, a: number, b: number): number {
    if (b < lo || hi < a) return -Infinity;
    if (a <= lo && hi <= b) return this.peak[node]!;
    const mid = (lo + hi) >> 1;
    return this.pending[node]! + Math.max(this.query(2 * node, lo, mid, a, b), this.query(2 * node + 1, mid + 1, hi, a, b));
  }
}
