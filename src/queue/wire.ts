// What goes into Redis as text: job data and job results as JSON that keeps every number as
// it was (JSON alone turns -0 into 0 and NaN or ±Infinity into null — an abandoned partition's
// total is NaN), and the canonical JSON a network's content hash is taken over.
import { createHash } from 'node:crypto';

/** The tag a special number is written under: `{"$num":"-0"}`. No planner data has this key. */
const TAG = '$num';
const SPECIAL: Readonly<Record<string, number>> = { '-0': -0, NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };

function specialName(n: number): string | null {
  if (Object.is(n, -0)) return '-0';
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return 'Infinity';
  if (n === Number.NEGATIVE_INFINITY) return '-Infinity';
  return null;
}

/**
 * JSON text of plain data (objects, arrays, strings, finite and special numbers, booleans,
 * null). Anything JSON would silently change is refused: a Map, a typed array, a class
 * instance, `undefined` in an array, a bigint. An object key set to `undefined` is left out,
 * as an optional key not set (the structured clone the thread pool uses keeps it as
 * `undefined`; nothing in the planner tells the two apart).
 */
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, function replacer(this: unknown, key: string, v: unknown) {
    if (typeof v === 'number') {
      const name = specialName(v);
      return name === null ? v : { [TAG]: name };
    }
    if (v === undefined && Array.isArray(this)) throw new TypeError(`queue wire: undefined at array index ${key} cannot cross as JSON`);
    if (typeof v === 'bigint' || typeof v === 'function' || typeof v === 'symbol') throw new TypeError(`queue wire: a ${typeof v} at "${key}" cannot cross as JSON`);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`queue wire: a ${(v as object).constructor?.name ?? 'non-plain object'} at "${key}" cannot cross as JSON`);
      }
    }
    return v;
  });
}

/** The value `encodeWire` wrote, special numbers restored. */
export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const name = (v as Record<string, unknown>)[TAG];
      if (keys.length === 1 && typeof name === 'string' && name in SPECIAL) return SPECIAL[name];
    }
    return v;
  });
}

/**
 * `encodeWire`'s text with object keys sorted at every level: the same data gives the same
 * text whatever order its keys were built in, so it can be hashed (a network re-saved by
 * another tool hashes the same). `decodeWire` reads it back.
 */
export function canonicalJson(value: unknown): string {
  return encodeWire(sortedKeys(value));
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) sorted[k] = sortedKeys((value as Record<string, unknown>)[k]);
  return sorted;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
