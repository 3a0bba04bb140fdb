// The CSV writer quotes only where needed, writes LF line ends, and reads back unchanged.
import { describe, expect, it } from 'vitest';
import { csvCell, readCsv, toCsv } from '../../src/io/csv.js';

describe('toCsv', () => {
  it('writes the schema line, the header and the rows with LF and a final newline', () => {
    expect(toCsv(['node', 'sku', 'qty'], [['A', 'S1', 3], ['B', 'S2', 0]], 'xbroute.stock/v1')).toBe(
      '#xbroute.stock/v1\nnode,sku,qty\nA,S1,3\nB,S2,0\n',
    );
  });

  it('quotes commas, quotes, line breaks and a leading #; leaves other text alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell('#tag')).toBe('"#tag"');
    expect(csvCell('plain text 1.5')).toBe('plain text 1.5');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12990)).toBe('12990');
    expect(csvCell(false)).toBe('false');
  });

  it('round-trips awkward cells through readCsv', () => {
    const rows = [['a,b', 'say "hi"', 'two\nlines'], ['', '#x', 'é 中文']];
    const doc = readCsv(toCsv(['c1', 'c2', 'c3'], rows));
    expect(doc.problems).toEqual([]);
    expect(doc.records.map((r) => r.cells)).toEqual([['c1', 'c2', 'c3'], ...rows]);
  });
});
