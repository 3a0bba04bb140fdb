// Files are read a megabyte at a time; an all-ASCII chunk is taken as Latin-1 text (the same
// characters, in a one-byte string), any other through the streaming UTF-8 decoder. Whatever
// the bytes, the text must be what decoding the whole file at once gives: a character split
// across two chunks, a broken sequence at a chunk's end, an ASCII chunk after either.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { endsInsideCharacter, readOrdersFile } from '../../src/io/load.js';
import { Order } from '../../src/domain/orders.js';
import { readOrdersCsv } from '../../src/io/orders.js';

const CHUNK = 1 << 20;
const HEADER =
  '#xbroute.orders/v1\norder_id,created_at,destination,service_level,deliver_by,allowed_sources,sku,qty,unit_weight_kg,length_cm,width_cm,height_cm,unit_volume_m3,unit_value,tax_category\n';
const dir = mkdtempSync(join(tmpdir(), 'xbroute-decoding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function row(i: number, destination = 'Z-SH'): string {
  return `O${String(i).padStart(7, '0')},2026-11-11T00:05:00+08:00,${destination},dm8,,,SKU-A,1,1.2,30,20,10,,129.90,\n`;
}

/** An orders file whose `special` bytes (a destination's tail) start `offset` bytes before the first chunk ends. */
function fileWith(special: Buffer, offset: number, name: string): string {
  const head = Buffer.from(HEADER);
  const rows: Buffer[] = [head];
  let size = head.length;
  let i = 1;
  const prefix = 'Z-';
  // Plain rows up to where the special row's destination must start.
  for (;;) {
    const r = Buffer.from(row(i));
    const specialStart = size + Buffer.byteLength(row(i + 1, prefix).split(prefix)[0] ?? '') + prefix.length;
    if (specialStart > CHUNK - offset - r.length) break;
    rows.push(r);
    size += r.length;
    i += 1;
  }
  // Pad with one row whose SKU length places the special bytes exactly.
  const before = Buffer.from(`O${String(i).padStart(7, '0')},2026-11-11T00:05:00+08:00,Z-`);
  const pad = CHUNK - offset - size - before.length;
  expect(pad).toBeGreaterThanOrEqual(0);
  const special1 = Buffer.concat([before, Buffer.from('X'.repeat(pad)), special, Buffer.from(',dm8,,,SKU-A,1,1.2,30,20,10,,129.90,\n')]);
  rows.push(special1);
  for (let k = 1; k <= 2000; k += 1) rows.push(Buffer.from(row(i + k)));
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(rows));
  return path;
}

describe('reading a file in chunks', () => {
  it('knows when bytes end inside a UTF-8 character', () => {
    const b = (...bytes: number[]) => Uint8Array.from(bytes);
    expect(endsInsideCharacter(b())).toBe(false);
    expect(endsInsideCharacter(b(0x41, 0x42))).toBe(false);
    expect(endsInsideCharacter(b(0x41, 0xc3, 0xa9))).toBe(false); // é, whole
    expect(endsInsideCharacter(b(0x41, 0xc3))).toBe(true);
    expect(endsInsideCharacter(b(0xe5, 0x8c))).toBe(true); // 北, two of three bytes
    expect(endsInsideCharacter(b(0xe5, 0x8c, 0x97))).toBe(false);
    expect(endsInsideCharacter(b(0xf0, 0x9f, 0x98))).toBe(true); // 😀, three of four
    expect(endsInsideCharacter(b(0xf0, 0x9f, 0x98, 0x80))).toBe(false);
  });

  const cases: [string, Buffer, number][] = [
    ['a character split across the chunks', Buffer.from('北京'), 2],
    ['a broken sequence ending the first chunk, ASCII after it', Buffer.from([0xe5, 0x8c]), 2],
    ['a lone lead byte ending the first chunk', Buffer.from([0xc3]), 1],
    ['a character ending the first chunk exactly', Buffer.from('é'), 2],
  ];
  it.each(cases)('gives the text of the whole file: %s', (label, special, offset) => {
    const path = fileWith(special, offset, `${label.replace(/\W+/g, '-')}.csv`);
    const streamed = readOrdersFile(path);
    const whole = readOrdersCsv(readFileSync(path, 'utf8'), path);
    expect(streamed.problems).toEqual(whole.problems);
    expect(streamed.value.orders).toEqual(whole.value.orders);
    // The special row's destination (not an id: its characters are not ASCII) is reported with
    // the characters the whole-file decoding gives, U+FFFD for broken bytes.
    const tail = special.toString('utf8');
    const reported = streamed.problems.filter((p) => p.field === 'destination');
    expect(reported).toHaveLength(1);
    expect(reported[0]?.found).toContain(`X${tail}`);
  });
});

describe('orders read from CSV', () => {
  it('are the objects the schema would return, keys in the schema’s order', () => {
    const text =
      HEADER +
      'O-1,2026-11-11T00:05:00+08:00,Z-SH,dm8,2026-11-20T23:59:59+08:00,BASE-LAX;BW-SHA,SKU-A,1,1.2,30,20,10,0.006,129.90,cosmetics\n' +
      'O-1,2026-11-11T00:05:00+08:00,Z-SH,dm8,2026-11-20T23:59:59+08:00,BASE-LAX;BW-SHA,SKU-B,2,0.5,,,,0.002,0.29,\n' +
      'O-2,2026-11-11T00:06:00+08:00,Z-BJ,,2026-11-21T23:59:59+08:00,,SKU-C,3,2,10,10,10,,5,\n';
    const { value, problems } = readOrdersCsv(text, 'o.csv');
    expect(problems).toEqual([]);
    expect(value.orders).toHaveLength(2);
    for (const order of value.orders) expect(JSON.stringify(order)).toBe(JSON.stringify(Order.parse(order)));
  });
});
