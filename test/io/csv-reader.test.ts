// The RFC 4180 reader: quoting, doubled quotes, line ends, BOM, the schema line, and the
// 1-based line where each record starts.
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/io/csv.js';

describe('readCsv', () => {
  it('reads plain records with their line numbers after a schema line', () => {
    const doc = readCsv('#xbroute.stock/v1\nnode,sku,qty\nA,S1,3\nB,S2,4\n');
    expect(doc.schemaLine).toBe('xbroute.stock/v1');
    expect(doc.problems).toEqual([]);
    expect(doc.records).toEqual([
      { line: 2, cells: ['node', 'sku', 'qty'] },
      { line: 3, cells: ['A', 'S1', '3'] },
      { line: 4, cells: ['B', 'S2', '4'] },
    ]);
  });

  it('has no schema line when the first line does not start with #', () => {
    const doc = readCsv('a,b\n1,2');
    expect(doc.schemaLine).toBeUndefined();
    expect(doc.records).toEqual([{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1', '2'] }]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const doc = readCsv('a,b\n"x, y","say ""hi"""\n"two\nlines",z\nlast,1\n');
    expect(doc.problems).toEqual([]);
    expect(doc.records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      // The record starts on line 3; its quoted field runs into line 4, so the next record is on line 5.
      { line: 3, cells: ['two\nlines', 'z'] },
      { line: 5, cells: ['last', '1'] },
    ]);
  });

  it('treats CRLF like LF and strips a UTF-8 BOM before the schema line', () => {
    const doc = readCsv('\uFEFF#xbroute.orders/v1\r\nh1,h2\r\n"a\r\nb",c\r\n');
    expect(doc.schemaLine).toBe('xbroute.orders/v1');
    expect(doc.records).toEqual([
      { line: 2, cells: ['h1', 'h2'] },
      // A CRLF inside quotes is data; the record's own CRLF is not.
      { line: 3, cells: ['a\r\nb', 'c'] },
    ]);
  });

  it('skips blank lines but keeps a record that is one empty quoted field', () => {
    const doc = readCsv('h\n\n""\n\nx\n');
    expect(doc.records).toEqual([{ line: 1, cells: ['h'] }, { line: 3, cells: [''] }, { line: 5, cells: ['x'] }]);
  });

  it('keeps empty cells, including a trailing one', () => {
    expect(readCsv('a,,c,\n').records).toEqual([{ line: 1, cells: ['a', '', 'c', ''] }]);
  });

  it('reads a last record without a final newline', () => {
    expect(readCsv('a,b\n1,2').records.at(-1)).toEqual({ line: 2, cells: ['1', '2'] });
  });

  it('reports a quoted field that is never closed at the line where it opens', () => {
    const doc = readCsv('h1,h2\nok,1\n"open,2\nmore,3\n');
    expect(doc.problems).toEqual([{ line: 3, message: 'a quoted field is never closed' }]);
    expect(doc.records).toEqual([{ line: 1, cells: ['h1', 'h2'] }, { line: 2, cells: ['ok', '1'] }]);
  });

  it('reports a stray quote in an unquoted field and text after a closing quote, and reads on', () => {
    const doc = readCsv('a,b\nab"c,1\n"x"y,2\nfine,3\n');
    expect(doc.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(doc.records.map((r) => r.cells)).toEqual([['a', 'b'], ['ab"c', '1'], ['xy', '2'], ['fine', '3']]);
  });
});
