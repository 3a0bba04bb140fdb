// What crosses to Redis comes back as it went: -0, NaN and ±Infinity survive (JSON alone makes
// them 0 and null; an abandoned partition's total is NaN), values JSON would silently change are
// refused, and the canonical text — the network's content hash — ignores key order.
import { describe, expect, it } from 'vitest';
import { abandonedResult } from '../../src/pool/partition-pool.js';
import { canonicalJson, decodeWire, encodeWire, sha256Hex } from '../../src/queue/wire.js';
import { jobIdOf } from '../../src/queue/jobs.js';
import { poolFixture } from '../pool/fixtures.js';

describe('queue wire format', () => {
  it('keeps -0, NaN and the infinities', () => {
    const value = { a: -0, b: Number.NaN, c: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, 1.1, -2], d: null };
    const back = decodeWire(encodeWire(value)) as typeof value;
    expect(Object.is(back.a, -0)).toBe(true);
    expect(back.b).toBeNaN();
    expect(back.c).toEqual([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, 1.1, -2]);
    expect(back.d).toBeNull();
    // Plain JSON would not have.
    expect(Object.is((JSON.parse(JSON.stringify(value)) as typeof value).a, -0)).toBe(false);
  });

  it('an abandoned partition result (total NaN) comes back equal', async () => {
    const f = await poolFixture(60, 3);
    const result = abandonedResult(f.partitions[0]!);
    const back = decodeWire(encodeWire(result));
    expect(back).toStrictEqual(result);
  });

  it('partitions come back structurally equal (what a worker solves is what was sent)', async () => {
    const f = await poolFixture(60, 3);
    for (const p of f.partitions) expect(decodeWire(encodeWire(p))).toStrictEqual(structuredClone(p));
  });

  it('refuses what JSON would change', () => {
    expect(() => encodeWire({ m: new Map() })).toThrow(/Map at "m"/);
    expect(() => encodeWire({ t: new Int32Array(2) })).toThrow(/Int32Array/);
    expect(() => encodeWire([1, undefined])).toThrow(/undefined at array index 1/);
    expect(() => encodeWire({ n: 1n })).toThrow(/bigint/);
  });

  it('canonical JSON does not depend on key order, and the job id follows content', () => {
    const a = canonicalJson({ x: 1, y: { b: [1, { d: 2, c: 3 }], a: -0 } });
    const b = canonicalJson({ y: { a: -0, b: [1, { c: 3, d: 2 }] }, x: 1 });
    expect(a).toBe(b);
    expect(sha256Hex(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(jobIdOf('n1', 't')).toBe(jobIdOf('n1', 't'));
    expect(jobIdOf('n1', 't')).not.toBe(jobIdOf('n2', 't'));
    expect(jobIdOf('n1', 't')).not.toContain(':');
  });
});
