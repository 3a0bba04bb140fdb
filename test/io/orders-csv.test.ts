// Reading the orders CSV: rows grouped into orders, money converted exactly, dimensions or
// volume, and located problems for rows that disagree with their order.
import { describe, expect, it } from 'vitest';
import type { InputProblem } from '../../src/domain/errors.js';
import { InputError } from '../../src/domain/errors.js';
import { parseOrdersCsv, readOrdersCsv } from '../../src/io/orders.js';
import { tinyOrdersText } from '../fixtures/tiny.js';

const HEADER =
  '#xbroute.orders/v1\norder_id,created_at,destination,service_level,deliver_by,allowed_sources,sku,qty,unit_weight_kg,length_cm,width_cm,height_cm,unit_volume_m3,unit_value\n';

function problemsOf(text: string): InputProblem[] {
  return readOrdersCsv(text, 'o.csv').problems;
}

describe('parseOrdersCsv on the tiny fixture', () => {
  const { orders } = parseOrdersCsv(tinyOrdersText(), 'tiny-orders.csv');

  it('groups the four rows into three orders, in order of first appearance', () => {
    expect(orders.map((o) => [o.id, o.lines.length])).toEqual([['O-1', 2], ['O-2', 1], ['O-3', 1]]);
  });

  it('maps the order fields, leaving empty optional cells out', () => {
    expect(orders[0]).toEqual({
      id: 'O-1',
      createdAt: '2026-11-11T00:05:00+08:00',
      destination: 'Z-SH',
      serviceLevel: 'dm8',
      lines: [
        { sku: 'SKU-A', qty: 1, unitWeightKg: 1.2, dimensionsCm: [30, 20, 10], unitValueMinor: 12990 },
        { sku: 'SKU-B', qty: 2, unitWeightKg: 0.5, unitVolumeM3: 0.002, unitValueMinor: 29 },
      ],
    });
    expect(orders[1]?.allowedSources).toEqual(['BW-SHA']);
    expect(orders[2]).toMatchObject({ deliverBy: '2026-11-20T23:59:59+08:00', allowedSources: ['BASE-LAX', 'BW-SHA'] });
    expect(orders[2]?.serviceLevel).toBeUndefined();
  });

  it('converts unit_value from major units exactly: "129.90" 12990, "0.29" 29, "299" 29900, "129.9" 12990', () => {
    // 0.29 * 100 in floating point is 28.999999999999996: the decimal string is parsed instead.
    expect(orders[0]?.lines.map((l) => l.unitValueMinor)).toEqual([12990, 29]);
    expect(orders[1]?.lines[0]?.unitValueMinor).toBe(29900);
    expect(orders[2]?.lines[0]?.unitValueMinor).toBe(12990);
  });

  it('locates each order on the line of its first row, and each line on its own row', () => {
    const { locator } = parseOrdersCsv(tinyOrdersText(), 'tiny-orders.csv');
    expect(locator.order(0, 'destination')).toEqual({ where: 'line 3', field: 'destination' });
    expect(locator.line(0, 1, 'unitWeightKg')).toEqual({ where: 'line 4', field: 'unit_weight_kg' });
    expect(locator.order(2, 'allowedSources')).toEqual({ where: 'line 6', field: 'allowed_sources' });
  });
});

describe('readOrdersCsv grouping', () => {
  it('merges non-contiguous rows of one order when they agree on the order fields', () => {
    const text = `${HEADER}A,2026-11-11T00:00:00Z,Z-SH,dm8,,,S1,1,1,,,,0.01,1\nB,2026-11-11T00:00:00Z,Z-SH,dm8,,,S1,1,1,,,,0.01,1\nA,2026-11-11T00:00:00Z,Z-SH,dm8,,,S2,2,1,,,,0.01,1\n`;
    const { orders } = parseOrdersCsv(text, 'o.csv');
    expect(orders.map((o) => [o.id, o.lines.map((l) => l.sku)])).toEqual([['A', ['S1', 'S2']], ['B', ['S1']]]);
  });

  it('treats allowed_sources as a set written in the same order, ignoring blanks around ids', () => {
    const text = `${HEADER}A,2026-11-11T00:00:00Z,Z-SH,dm8,,X; Y,S1,1,1,,,,0.01,1\nA,2026-11-11T00:00:00Z,Z-SH,dm8,,X;Y,S2,1,1,,,,0.01,1\n`;
    expect(problemsOf(text)).toEqual([]);
  });

  it('reports every order field on which a later row disagrees, at that row', () => {
    const text = `${HEADER}A,2026-11-11T00:00:00Z,Z-SH,dm8,,,S1,1,1,,,,0.01,1\nA,2026-11-11T00:00:00Z,Z-ZJ,bd3,,,S2,1,1,,,,0.01,1\n`;
    expect(problemsOf(text)).toEqual([
      { file: 'o.csv', where: 'line 4', field: 'destination', expected: '"Z-SH" as on line 3 (same order_id "A")', found: '"Z-ZJ"', severity: 'error' },
      { file: 'o.csv', where: 'line 4', field: 'service_level', expected: '"dm8" as on line 3 (same order_id "A")', found: '"bd3"', severity: 'error' },
    ]);
  });

  it('reports an empty order_id', () => {
    const text = `${HEADER},2026-11-11T00:00:00Z,Z-SH,dm8,,,S1,1,1,,,,0.01,1\n`;
    expect(problemsOf(text)).toMatchObject([{ where: 'line 3', field: 'order_id', found: 'an empty cell' }]);
  });
});

describe('readOrdersCsv cell problems', () => {
  const row = (cells: Partial<Record<string, string>>): string => {
    const base: Record<string, string> = {
      order_id: 'A', created_at: '2026-11-11T00:00:00+08:00', destination: 'Z-SH', service_level: 'dm8', deliver_by: '',
      allowed_sources: '', sku: 'S1', qty: '1', unit_weight_kg: '1', length_cm: '', width_cm: '', height_cm: '', unit_volume_m3: '0.01', unit_value: '1.00',
    };
    const merged = { ...base, ...cells };
    return `${HEADER}${Object.values(merged).join(',')}\n`;
  };
  const one = (cells: Partial<Record<string, string>>) => {
    const problems = problemsOf(row(cells));
    return problems.map((p) => `${p.where}: ${p.field}: expected ${p.expected}, found ${p.found}`);
  };

  it('accepts the base row', () => {
    expect(one({})).toEqual([]);
  });

  it('rejects a non-integer quantity', () => {
    expect(one({ qty: '1.5' })).toEqual(['line 3: qty: expected an integer, found "1.5"']);
  });

  it('rejects "Infinity", hex and comma decimals as numbers', () => {
    expect(one({ unit_weight_kg: 'Infinity' })).toEqual(['line 3: unit_weight_kg: expected a decimal number such as 12.5, found "Infinity"']);
    expect(one({ unit_weight_kg: '0x10' })).toEqual(['line 3: unit_weight_kg: expected a decimal number such as 12.5, found "0x10"']);
    expect(one({ unit_weight_kg: '"1,5"' })).toEqual(['line 3: unit_weight_kg: expected a decimal number such as 12.5, found "1,5"']);
  });

  it('rejects negative and malformed money', () => {
    expect(one({ unit_value: '-5' })).toEqual(['line 3: unit_value: expected a non-negative amount such as 129.90, found "-5"']);
    expect(one({ unit_value: '1.234' })).toEqual(['line 3: unit_value: expected an amount with at most 2 decimals, such as 129.90, found "1.234"']);
    expect(one({ unit_value: '' })).toEqual(['line 3: unit_value: expected a number, found an empty cell']);
  });

  it('needs the three dimensions or a volume', () => {
    expect(one({ unit_volume_m3: '' })).toEqual([
      'line 3: unit_volume_m3: expected unit_volume_m3, or all of length_cm, width_cm, height_cm, found neither',
    ]);
    expect(one({ unit_volume_m3: '', length_cm: '10', width_cm: '10', height_cm: '10' })).toEqual([]);
  });

  it('reports a missing dimension once, without also asking for a volume', () => {
    expect(one({ unit_volume_m3: '', length_cm: '10', width_cm: '10' })).toEqual([
      'line 3: height_cm: expected a number (give all of length_cm, width_cm, height_cm, or none), found an empty cell',
    ]);
  });

  it('needs a service level or a deliver-by', () => {
    expect(one({ service_level: '' })).toEqual(['line 3: service_level: expected service_level or deliver_by, found an empty cell']);
  });

  it('names an id that breaks the id rules', () => {
    expect(one({ sku: 'bad sku' })).toEqual([
      'line 3: sku: expected letters, digits and _ . : - / (starting with a letter or digit), found "bad sku"',
    ]);
  });

  it('reports several problems of one row together', () => {
    expect(one({ qty: '0', unit_weight_kg: 'heavy', destination: '' })).toEqual([
      'line 3: unit_weight_kg: expected a decimal number such as 12.5, found "heavy"',
      'line 3: destination: expected a string, found an empty cell',
      'line 3: qty: expected a number > 0, found "0"',
    ]);
  });
});

describe('readOrdersCsv file-level problems', () => {
  it('needs the schema line first', () => {
    expect(problemsOf('order_id,created_at\n')).toMatchObject([
      { where: 'line 1', field: 'schema line', expected: '"#xbroute.orders/v1" as the first line', found: '"order_id,created_at"' },
    ]);
  });

  it('rejects a stock file given as orders', () => {
    expect(problemsOf('#xbroute.stock/v1\nnode,sku,qty\n')).toMatchObject([
      { where: 'line 1', field: 'schema line', expected: '"#xbroute.orders/v1"', found: '"#xbroute.stock/v1"' },
    ]);
  });

  it('accepts a schema line padded with commas by a spreadsheet', () => {
    expect(problemsOf(HEADER.replace('v1\n', 'v1,,,,\n'))).toEqual([]);
  });

  it('reports missing required columns and duplicate columns at the header line', () => {
    const problems = problemsOf('#xbroute.orders/v1\norder_id,created_at,destination,sku,sku,qty,unit_weight_kg\n');
    expect(problems.map((p) => `${p.where}: ${p.field}: found ${p.found}`)).toEqual([
      'line 2: sku: found "sku" twice',
      'line 2: unit_value: found no such column in the header',
    ]);
  });

  it('reads a header-only file as no orders', () => {
    expect(parseOrdersCsv(HEADER, 'o.csv').orders).toEqual([]);
  });

  it('throws one InputError carrying every problem', () => {
    const text = `${HEADER}A,x,Z-SH,dm8,,,S1,1,1,,,,0.01,1\nB,2026-11-11T00:00:00Z,Z-SH,dm8,,,S1,zero,1,,,,0.01,1\n`;
    let caught: unknown;
    try {
      parseOrdersCsv(text, 'o.csv');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).problems.map((p) => `${p.where} ${p.field}`)).toEqual(['line 3 created_at', 'line 4 qty']);
    expect((caught as InputError).message).toBe(
      'o.csv: line 3: created_at: expected an ISO 8601 date-time with a UTC offset, e.g. 2026-11-11T09:30:00+08:00, found "x" (and 1 more)',
    );
  });
});
