// `xbroute validate` end to end, in-process: every kind of bad input exits 2 and names the
// file, the line or JSON path, and the field; good input prints one OK line and exits 0.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/run-cli.js';
import {
  TINY_NETWORK, TINY_ORDERS, TINY_STOCK, editLine, setCell, setPath, tempDir, tinyNetwork, tinyOrdersText, tinyStockText,
  type Json,
} from '../fixtures/tiny.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let counter = 0;
const unique = (name: string): string => `${(counter += 1)}-${name}`;

/** Writes a network derived from the tiny one. */
function networkWith(edit: (doc: Json) => void): string {
  const doc = tinyNetwork();
  edit(doc);
  return tmp.write(unique('network.json'), JSON.stringify(doc, null, 2));
}
const writeOrders = (text: string): string => tmp.write(unique('orders.csv'), text);
const writeStock = (text: string): string => tmp.write(unique('stock.csv'), text);

// Columns of the orders CSV (0-based): see test/fixtures/tiny-orders.csv.
const COL = { order_id: 0, created_at: 1, destination: 2, service_level: 3, deliver_by: 4, allowed_sources: 5, sku: 6, qty: 7, unit_weight_kg: 8, unit_value: 13 };
/** The tiny orders with one cell of file line `line` replaced. */
const ordersCell = (line: number, column: keyof typeof COL, value: string): string =>
  writeOrders(editLine(tinyOrdersText(), line, (old) => setCell(old, COL[column], value)));

interface Files {
  network?: string;
  orders?: string;
  stock?: string;
}
async function validate(files: Files, extra: string[] = []) {
  return runCli([
    'validate',
    '--network', files.network ?? TINY_NETWORK,
    '--orders', files.orders ?? TINY_ORDERS,
    '--stock', files.stock ?? TINY_STOCK,
    ...extra,
  ]);
}

interface BadCase {
  name: string;
  files: () => Files;
  /** Which file the problem is in, and where: the stderr line must read `error: <file>: <where>: <field>: expected`. */
  in: keyof Files;
  where: string;
  field: string;
  /** A fragment of the rest of the message, when the case is about what it says. */
  says?: string;
}

const cases: BadCase[] = [
  { name: 'missing field (node time zone)', files: () => ({ network: networkWith((d) => setPath(d, 'nodes[2].timeZone', undefined)) }),
    in: 'network', where: 'nodes[2].timeZone', field: 'timeZone', says: 'found nothing (the field is missing)' },
  { name: 'wrong type (transit minutes as a string)', files: () => ({ network: networkWith((d) => setPath(d, 'lanes[0].schedule.transitMinutes', '120')) }),
    in: 'network', where: 'lanes[0].schedule.transitMinutes', field: 'transitMinutes', says: 'expected a number, found "120"' },
  { name: 'unknown node in a lane', files: () => ({ network: networkWith((d) => setPath(d, 'lanes[3].to', 'Z-XX')) }),
    in: 'network', where: 'lanes[3].to', field: 'to', says: '"Z-XX" (no such node)' },
  { name: 'lane to itself', files: () => ({ network: networkWith((d) => setPath(d, 'lanes[0].to', 'BASE-LAX')) }),
    in: 'network', where: 'lanes[0].to', field: 'to', says: 'the same as from' },
  { name: 'unknown IANA zone', files: () => ({ network: networkWith((d) => setPath(d, 'nodes[2].timeZone', 'Asia/Shangai')) }),
    in: 'network', where: 'nodes[2].timeZone', field: 'timeZone', says: '"Asia/Shangai" (unknown zone)' },
  { name: 'malformed local time', files: () => ({ network: networkWith((d) => setPath(d, 'lanes[1].schedule.departures[0].time', '23:60')) }),
    in: 'network', where: 'lanes[1].schedule.departures[0].time', field: 'time', says: 'expected a local time "HH:MM"' },
  { name: 'negative weight', files: () => ({ orders: ordersCell(3, 'unit_weight_kg', '-1') }),
    in: 'orders', where: 'line 3', field: 'unit_weight_kg', says: 'expected a number > 0, found "-1"' },
  { name: 'non-numeric weight "abc"', files: () => ({ orders: ordersCell(4, 'unit_weight_kg', 'abc') }),
    in: 'orders', where: 'line 4', field: 'unit_weight_kg', says: 'found "abc"' },
  { name: 'NaN weight', files: () => ({ orders: ordersCell(5, 'unit_weight_kg', 'NaN') }),
    in: 'orders', where: 'line 5', field: 'unit_weight_kg', says: 'found "NaN"' },
  { name: 'zero-capacity ULD', files: () => ({ network: networkWith((d) => setPath(d, 'lanes[1].uld.maxKg', 0)) }),
    in: 'network', where: 'lanes[1].uld.maxKg', field: 'maxKg', says: 'expected a number > 0, found 0' },
  { name: 'duplicate order id (a row that disagrees with its order)', files: () => ({ orders: ordersCell(5, 'order_id', 'O-1') }),
    in: 'orders', where: 'line 5', field: 'destination', says: 'as on line 3 (same order_id "O-1")' },
  { name: 'duplicate node id', files: () => ({ network: networkWith((d) => setPath(d, 'nodes[4].id', 'PVG')) }),
    in: 'network', where: 'nodes[4].id', field: 'id', says: '"PVG" (already nodes[2])' },
  { name: 'unknown zone', files: () => ({ orders: ordersCell(5, 'destination', 'Z-BJ') }),
    in: 'orders', where: 'line 5', field: 'destination', says: '"Z-BJ" (no such node)' },
  { name: 'destination that is not a zone', files: () => ({ orders: ordersCell(5, 'destination', 'PVG') }),
    in: 'orders', where: 'line 5', field: 'destination', says: '"PVG", an airport' },
  { name: 'unparseable created-at', files: () => ({ orders: ordersCell(5, 'created_at', 'yesterday') }),
    in: 'orders', where: 'line 5', field: 'created_at', says: 'expected an ISO 8601 date-time with a UTC offset' },
  { name: 'created-at without offset', files: () => ({ orders: ordersCell(5, 'created_at', '2026-11-11T00:07:00') }),
    in: 'orders', where: 'line 5', field: 'created_at', says: 'found "2026-11-11T00:07:00"' },
  { name: 'wrong column count', files: () => ({ orders: writeOrders(editLine(tinyOrdersText(), 5, (l) => l.replace(',BW-SHA,', ','))) }),
    in: 'orders', where: 'line 5', field: '(row)', says: 'expected 14 columns, as in the header, found 13 columns' },
  { name: 'empty orders file', files: () => ({ orders: writeOrders('') }),
    in: 'orders', where: 'line 1', field: 'schema line', says: 'found an empty file' },
  { name: 'empty network file', files: () => ({ network: tmp.write(unique('network.json'), '') }),
    in: 'network', where: '(top level)', field: '(document)', says: 'found an empty file' },
  { name: 'non-JSON network', files: () => ({ network: tmp.write(unique('network.json'), '{\n  "schema": "xbroute.network/v1",\n  nodes: []\n}\n') }),
    in: 'network', where: 'line 3 column 3', field: '(JSON syntax)', says: 'expected valid JSON' },
  { name: 'unsupported network schema version', files: () => ({ network: networkWith((d) => setPath(d, 'schema', 'xbroute.network/v2')) }),
    in: 'network', where: 'schema', field: 'schema', says: '"xbroute.network/v2" (unsupported version)' },
  { name: 'unsupported orders CSV schema version', files: () => ({ orders: writeOrders(tinyOrdersText().replace('#xbroute.orders/v1', '#xbroute.orders/v2')) }),
    in: 'orders', where: 'line 1', field: 'schema line', says: '"#xbroute.orders/v2" (unsupported version)' },
  { name: 'unsupported stock CSV schema version', files: () => ({ stock: writeStock(tinyStockText().replace('#xbroute.stock/v1', '#xbroute.stock/v9')) }),
    in: 'stock', where: 'line 1', field: 'schema line', says: '(unsupported version)' },
  { name: 'absurd weight 1e308 kg', files: () => ({ orders: ordersCell(3, 'unit_weight_kg', '1e308') }),
    in: 'orders', where: 'line 3', field: 'unit_weight_kg', says: 'expected a number <= 500000, found "1e308"' },
  { name: 'absurd ULD 1e308 kg', files: () => ({ network: networkWith((d) => setPath(d, 'lanes[1].uld.maxKg', 1e308)) }),
    in: 'network', where: 'lanes[1].uld.maxKg', field: 'maxKg', says: 'found 1e+308' },
  { name: 'weight beyond a double (1e999)', files: () => ({ orders: ordersCell(3, 'unit_weight_kg', '1e999') }),
    in: 'orders', where: 'line 3', field: 'unit_weight_kg', says: 'expected a finite number' },
  { name: 'unit value with three decimals', files: () => ({ orders: ordersCell(3, 'unit_value', '12.345') }),
    in: 'orders', where: 'line 3', field: 'unit_value', says: 'at most 2 decimals' },
  { name: 'unknown service level', files: () => ({ orders: ordersCell(5, 'service_level', 'express') }),
    in: 'orders', where: 'line 5', field: 'service_level', says: 'found "express"' },
  { name: 'deliver-by before created-at', files: () => ({ orders: ordersCell(6, 'deliver_by', '2026-11-10T23:59:59+08:00') }),
    in: 'orders', where: 'line 6', field: 'deliver_by', says: 'expected a time after createdAt' },
  { name: 'unknown allowed source', files: () => ({ orders: ordersCell(5, 'allowed_sources', 'BW-XXX') }),
    in: 'orders', where: 'line 5', field: 'allowed_sources', says: '"BW-XXX" (no such node)' },
  { name: 'stock at an unknown node', files: () => ({ stock: writeStock(editLine(tinyStockText(), 5, (l) => l.replace('BW-SHA', 'BW-PEK'))) }),
    in: 'stock', where: 'line 5', field: 'node', says: '"BW-PEK" (no such node)' },
  { name: 'stock at a node that cannot hold stock', files: () => ({ stock: writeStock(editLine(tinyStockText(), 5, (l) => l.replace('BW-SHA', 'CP-SHA'))) }),
    in: 'stock', where: 'line 5', field: 'node', says: '"CP-SHA", a clearance_port' },
  { name: 'duplicate stock record', files: () => ({ stock: writeStock(`${tinyStockText()}BASE-LAX,SKU-A,5\n`) }),
    in: 'stock', where: 'line 7', field: 'sku', says: '(already at line 3)' },
  { name: 'clearance port without a daily capacity', files: () => ({ network: networkWith((d) => setPath(d, 'nodes[3].dailyParcelCapacity', undefined)) }),
    in: 'network', where: 'nodes[3].dailyParcelCapacity', field: 'dailyParcelCapacity' },
  { name: 'air lane from a storage base', files: () => ({ network: networkWith((d) => setPath(d, 'lanes[1].from', 'BASE-LAX')) }),
    in: 'network', where: 'lanes[1].from', field: 'from', says: 'air lanes join two airports' },
  { name: 'last-mile lane that does not end at a zone', files: () => ({ network: networkWith((d) => setPath(d, 'lanes[3].to', 'PVG')) }),
    in: 'network', where: 'lanes[3].to', field: 'to', says: 'last-mile lanes end at a zone' },
  { name: 'weight breaks not ascending', files: () => ({ network: networkWith((d) => setPath(d, 'lanes[1].cost.freight.breaks[2].fromKg', 45)) }),
    in: 'network', where: 'lanes[1].cost.freight.breaks[2].fromKg', field: 'fromKg', says: 'breaks ascend' },
  { name: 'duplicate weekly departure', files: () => ({ network: networkWith((d) => setPath(d, 'lanes[1].schedule.departures[1]', { weekdays: [3], time: '23:30' })) }),
    in: 'network', where: 'lanes[1].schedule.departures[1]', field: 'weekdays', says: 'Wed 23:30 again' },
  { name: 'node with an unknown calendar', files: () => ({ network: networkWith((d) => setPath(d, 'nodes[0].calendar', 'gb')) }),
    in: 'network', where: 'nodes[0].calendar', field: 'calendar', says: '"gb" (no such calendar)' },
  { name: 'unknown column in the header', files: () => ({ orders: writeOrders(tinyOrdersText().replace('unit_value', 'unit_price')) }),
    in: 'orders', where: 'line 2', field: 'unit_price', says: 'an unknown column' },
  { name: 'unterminated quote', files: () => ({ orders: writeOrders(editLine(tinyOrdersText(), 6, (l) => l.replace('"SKU-A"', '"SKU-A'))) }),
    in: 'orders', where: 'line 6', field: '(CSV syntax)', says: 'never closed' },
  { name: 'missing file', files: () => ({ stock: `${tmp.dir}/no-such-stock.csv` }),
    in: 'stock', where: '(file)', field: '(file)', says: 'found no such file' },
];

describe('xbroute validate rejects bad input with located errors', () => {
  it('has at least 20 distinct kinds of bad input', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('$name', async (c) => {
    const files = c.files();
    const result = await validate(files);
    const file = files[c.in] ?? { network: TINY_NETWORK, orders: TINY_ORDERS, stock: TINY_STOCK }[c.in];
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const prefix = `error: ${file}: ${c.where}: ${c.field}: expected `;
    const line = result.stderr.split('\n').find((l) => l.startsWith(prefix));
    expect(line, `no "${prefix}" in:\n${result.stderr}`).toBeDefined();
    if (c.says !== undefined) expect(line).toContain(c.says);
  });
});

describe('xbroute validate accepts good input', () => {
  it('prints one OK line with the counts and exits 0', async () => {
    const result = await validate({});
    expect(result).toEqual({ code: 0, stdout: 'OK: network tiny (7 nodes, 7 lanes), 3 orders, 4 stock records\n', stderr: '' });
  });

  it('accepts CSV with a UTF-8 BOM and CRLF line ends', async () => {
    const crlf = (text: string): string => `\uFEFF${text.replaceAll('\n', '\r\n')}`;
    const result = await validate({ orders: writeOrders(crlf(tinyOrdersText())), stock: writeStock(crlf(tinyStockText())) });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('OK: network tiny (7 nodes, 7 lanes), 3 orders, 4 stock records\n');
  });

  it('reports an unreachable zone as a warning on stderr and still exits 0', async () => {
    const network = networkWith((d) => {
      const nodes = d['nodes'] as Json[];
      nodes.push({ id: 'Z-BJ', kind: 'zone', name: 'Beijing', country: 'CN', lat: 39.9, lon: 116.4, timeZone: 'Asia/Shanghai', calendar: 'cn' });
    });
    const result = await validate({ network });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('OK: network tiny (8 nodes, 7 lanes), 3 orders, 4 stock records\n');
    expect(result.stderr).toBe(`warning: ${network}: nodes[7]: id: expected a zone some storage base or warehouse can reach by lanes, found zone "Z-BJ" is unreachable\n`);
  });

  it('checks only the files given, against the network given', async () => {
    const result = await runCli(['validate', '--network', TINY_NETWORK]);
    expect(result).toEqual({ code: 0, stdout: 'OK: network tiny (7 nodes, 7 lanes)\n', stderr: '' });
  });
});

describe('xbroute validate reports every problem', () => {
  it('lists problems of all three files in one run', async () => {
    const result = await validate({
      network: networkWith((d) => setPath(d, 'nodes[2].timeZone', 'Mars/Olympus')),
      orders: ordersCell(3, 'qty', 'two'),
      stock: writeStock(editLine(tinyStockText(), 4, (l) => l.replace('50', '-3'))),
    });
    expect(result.code).toBe(2);
    const errors = result.stderr.trim().split('\n');
    // One error per file: the zone, the quantity, the stock quantity.
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/network\.json: nodes\[2\]\.timeZone: timeZone: /);
    expect(errors[1]).toMatch(/orders\.csv: line 3: qty: expected a decimal number such as 12.5, found "two"$/);
    expect(errors[2]).toMatch(/stock\.csv: line 4: qty: expected a number >= 0, found "-3"$/);
  });

  it('shows the first 50 errors, then "… and N more"', async () => {
    // 60 lines of one order, each with a bad qty: 60 errors.
    const header = tinyOrdersText().split('\n').slice(0, 2).join('\n');
    const rows = Array.from({ length: 60 }, (_, i) => `O-9,2026-11-11T00:05:00+08:00,Z-SH,dm8,,,SKU-A,x${i},1,,,,0.01,1.00`);
    const result = await validate({ orders: writeOrders(`${header}\n${rows.join('\n')}\n`) });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines.filter((l) => l.startsWith('error: '))).toHaveLength(50);
    expect(lines[50]).toBe('… and 10 more');
  });

  it('prints { ok, errors, warnings } as JSON with --json', async () => {
    const orders = ordersCell(5, 'destination', 'Z-BJ');
    const result = await validate({ orders }, ['--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout) as { ok: boolean; errors: unknown[]; warnings: unknown[] };
    expect(out.ok).toBe(false);
    expect(out.warnings).toEqual([]);
    expect(out.errors).toEqual([
      { file: orders, where: 'line 5', field: 'destination', expected: 'the id of a zone in the network', found: '"Z-BJ" (no such node)' },
    ]);
  });

  it('prints ok: true as JSON for good input', async () => {
    const result = await validate({}, ['--json']);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { ok: boolean; counts: unknown; errors: unknown[] };
    expect(out.ok).toBe(true);
    expect(out.counts).toEqual({ nodes: 7, lanes: 7, orders: 3, stock: 4 });
    expect(out.errors).toEqual([]);
  });
});

describe('xbroute validate --help', () => {
  it('shows the options and examples and exits 0', async () => {
    const result = await runCli(['validate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--network <file>');
    expect(result.stdout).toContain('--json');
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('$ xbroute validate --orders out/orders.csv --stock out/stock.csv');
  });
});
