// A binary min-heap of (key, seq, value): ties on key pop in insertion order, which keeps
// Dijkstra's choices — and so the itineraries it returns — deterministic.
export class MinHeap<V> {
  readonly #keys: number[] = [];
  readonly #seqs: number[] = [];
  readonly #values: V[] = [];
  #seq = 0;

  get size(): number {
    return this.#values.length;
  }

  push(key: number, value: V): void {
    this.#keys.push(key);
    this.#seqs.push(this.#seq++);
    this.#values.push(value);
    this.#up(this.#values.length - 1);
  }

  /** Removes and returns the value with the least key (undefined when empty). */
  pop(): { key: number; value: V } | undefined {
    const n = this.#values.length;
    if (n === 0) return undefined;
    const top = { key: this.#keys[0] as number, value: this.#values[0] as V };
    const lastKey = this.#keys.pop() as number;
    const lastSeq = this.#seqs.pop() as number;
    const lastValue = this.#values.pop() as V;
    if (n > 1) {
      this.#keys[0] = lastKey;
      this.#seqs[0] = lastSeq;
      this.#values[0] = lastValue;
      this.#down(0);
    }
    return top;
  }

  #less(i: number, j: number): boolean {
    const ki = this.#keys[i] as number;
    const kj = this.#keys[j] as number;
    return ki < kj || (ki === kj && (this.#seqs[i] as number) < (this.#seqs[j] as number));
  }

  #swap(i: number, j: number): void {
    const k = this.#keys[i] as number;
    this.#keys[i] = this.#keys[j] as number;
    this.#keys[j] = k;
    const s = this.#seqs[i] as number;
    this.#seqs[i] = this.#seqs[j] as number;
    this.#seqs[j] = s;
    const v = this.#values[i] as V;
    this.#values[i] = this.#values[j] as V;
    this.#values[j] = v;
  }

  #up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(i, parent)) return;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #down(i: number): void {
    const n = this.#values.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < n && this.#less(l, least)) least = l;
      if (r < n && this.#less(r, least)) least = r;
      if (least === i) return;
      this.#swap(i, least);
      i = least;
    }
  }
}
