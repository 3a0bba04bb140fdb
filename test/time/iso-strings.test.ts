// A zone clock's ISO strings: the same string for every instant of one second, the instant back
// when parsed, and the offset of the moment — across London's DST changes, for more instants
// than the clock keeps formatted (so past the point where it starts over).
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/generate/prng.js';
import { parseInstant, zoneClock } from '../../src/time/zone.js';

describe('ZoneClock.toIso', () => {
  it('names each second once, to the second, with the offset in force', () => {
    const london = zoneClock('Europe/London');
    const rng = createRng(11, 'iso-strings');
    const from = Date.UTC(2025, 0, 1);
    const span = Date.UTC(2028, 0, 1) - from;
    const wrong: string[] = [];
    for (let i = 0; i < 120_000; i++) {
      const ms = from + Math.floor(rng.next() * span);
      const iso = london.toIso(ms);
      const second = Math.floor(ms / 1000) * 1000;
      const offset = london.offsetMinutes(ms) === 60 ? '+01:00' : '+00:00';
      if (parseInstant(iso) !== second || london.toIso(second + 999) !== iso || !iso.endsWith(offset)) wrong.push(`${ms} → ${iso}`);
    }
    expect(wrong).toEqual([]);
    // The spring-forward instant of 2026 (01:00 UTC on 29 March): the second before reads GMT, it reads BST.
    const change = Date.UTC(2026, 2, 29, 1);
    expect(london.toIso(change - 1)).toBe('2026-03-29T00:59:59+00:00');
    expect(london.toIso(change)).toBe('2026-03-29T02:00:00+01:00');
  });
});
