// Instants rendered in a node's zone (toLocalIso, localDate) and parsed from offset ISO strings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/time/time-model.js';
import { at, buildModel } from './fixtures.js';

const model = buildModel();

describe('toLocalIso / localDate', () => {
  it('writes the local time with its offset, to the second (truncated)', () => {
    const ms = at('2026-11-11T01:30:00Z') + 999; // sub-second part is dropped, not rounded
    expect(model.toLocalIso(ms, 'PVG')).toBe('2026-11-11T09:30:00+08:00');
    expect(model.toLocalIso(ms, 'LAX')).toBe('2026-11-10T17:30:00-08:00');
    expect(model.toLocalIso(ms, 'FRA')).toBe('2026-11-11T02:30:00+01:00');
  });

  it('follows summer time: the same UTC hour reads differently in July', () => {
    expect(model.toLocalIso(at('2026-07-01T01:30:00Z'), 'LAX')).toBe('2026-06-30T18:30:00-07:00');
    expect(model.toLocalIso(at('2026-07-01T01:30:00Z'), 'FRA')).toBe('2026-07-01T03:30:00+02:00');
  });

  it('gives the local date', () => {
    expect(model.localDate(at('2026-11-10T16:00:00Z'), 'PVG')).toBe('2026-11-11'); // 00:00 +08:00
    expect(model.localDate(at('2026-11-10T15:59:59Z'), 'PVG')).toBe('2026-11-10');
  });

  it('round-trips through parseInstant', () => {
    const ms = at('2026-03-08T10:00:00Z');
    expect(parseInstant(model.toLocalIso(ms, 'LAX'))).toBe(ms);
  });
});

describe('parseInstant', () => {
  it('reads offsets, Z, fractions and missing seconds', () => {
    expect(parseInstant('2026-11-11T00:05:00+08:00')).toBe(Date.UTC(2026, 10, 10, 16, 5));
    expect(parseInstant('2026-11-11T00:05:00Z')).toBe(Date.UTC(2026, 10, 11, 0, 5));
    expect(parseInstant('2026-11-11T00:05:00.250-03:30')).toBe(Date.UTC(2026, 10, 11, 3, 35, 0, 250));
    expect(parseInstant('2026-11-11T00:05+0800')).toBe(Date.UTC(2026, 10, 10, 16, 5));
  });

  it('throws on a local time without an offset (it would be read in the machine’s zone)', () => {
    expect(() => parseInstant('2026-11-11T00:05:00')).toThrow(/with an offset/);
  });

  it('throws on impossible dates and times', () => {
    expect(() => parseInstant('2026-02-29T00:00:00Z')).toThrow(/not a valid date/);
    expect(() => parseInstant('2026-11-11T24:00:00Z')).toThrow(/not a valid date/);
    expect(() => parseInstant('2026-11-11T10:60:00Z')).toThrow(/not a valid date/);
    expect(() => parseInstant('yesterday')).toThrow(/parseInstant/);
  });

  it('throws on malformed offsets and fractions', () => {
    for (const bad of ['2026-11-11T00:05:00+08', '2026-11-11T00:05:00+0x:00', '2026-11-11T00:05:00.+08:00', '2026-11-11T00:05:00+08-00', '2026-11-11 00:05:00Z']) {
      expect(() => parseInstant(bad), bad).toThrow(/parseInstant/);
    }
  });

  it('agrees with Date.parse on random instants, offsets and fractions', () => {
    const offsets = ['Z', '+08:00', '-07:00', '+05:45', '-03:30', '+14:00', '+0100'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...offsets),
        fc.constantFrom('', '.5', '.123', '.123456789'),
        (ms, offset, fraction) => {
          // Write ms's UTC wall time, then label it with `offset`: a different instant, which
          // Date.parse computes independently.
          const wall = new Date(ms).toISOString().slice(0, 19);
          const iso = `${wall}${fraction}${offset}`;
          const expected = Date.parse(iso.replace('+0100', '+01:00'));
          expect(parseInstant(iso)).toBe(expected);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});
