// The CSV read as a stream (src/io/csv-stream.ts) gives the same records, lines and problems
// as the whole text read at once, wherever the chunks are cut: in a quoted field, between CR
// and LF, inside a doubled quote, in the schema line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvRecord, type CsvSyntaxProblem, readCsv } from '../../src/io/csv.js';
import { CsvRecordStream } from '../../src/io/csv-stream.js';
import { readOrdersCsv } from '../../src/io/orders.js';
import { OrdersCsvReader } from '../../src/io/orders.js';
import { tinyOrdersText } from '../fixtures/tiny.js';

function streamed(chunks: readonly string[]): { schemaLine: string | undefined; records: CsvRecord[]; problems: CsvSyntaxProblem[] } {
  let schemaLine: string | undefined;
  const records: CsvRecord[] = [];
  const problems: CsvSyntaxProblem[] = [];
  const stream = new CsvRecordStream({ schemaLine: (t) => (schemaLine = t), record: (r) => records.push(r), problem: (p) => problems.push(p) });
  for (const c of chunks) stream.feed(c);
  stream.end();
  return { schemaLine, records, problems };
}

/** The text cut at the given positions. */
function cut(text: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}

const TRICKY = [
  '\uFEFF#xbroute.orders/v1,,\r\n',
  'a,b,c\r\n',
  '"x, with comma","multi\nline\r\nfield",plain\n',
  '\n',
  '"doubled ""quote""",,\n',
  'stray"quote,"closed"after,x\n',
  '"",,\n',
  // Plain lines (no quote) take the stream's native split: a lone CR is data, spaces a cell.
  'lone\rcr,x\r\n',
  '   \n',
  ',,\n',
  'last,row,"no newline at end"',
].join('');

describe('CSV read as a stream', () => {
  it('agrees with the whole-text reader for every cut of a tricky text', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 8 }), (at) => {
        expect(streamed(cut(TRICKY, at))).toEqual(readCsv(TRICKY));
      }),
      { seed: 4_242, numRuns: 300 },
    );
  });

  it('reads a quote at a chunk\'s start in the context the previous chunk left', () => {
    // Inside an unquoted field a quote is a stray character; at a field's start it opens quoting.
    for (const chunks of [['#s\nh\nab', '"c\nnext\n'], ['#s\nh\nab,', '"c\nnext"\n'], ['#s\nh\n"q"x', '"y\nnext\n']]) {
      expect(streamed(chunks)).toEqual(readCsv(chunks.join('')));
    }
    // … and hands each record on when its line ends, not at the end of the text: a stray quote
    // read as an opening one would hold the rest of the file back (all of it in memory).
    const lines: number[] = [];
    const stream = new CsvRecordStream({ schemaLine: () => undefined, record: (r) => lines.push(r.line), problem: () => undefined });
    stream.feed('#s\nh\nab');
    stream.feed('"c\nnext\n');
    expect(lines).toEqual([2, 3, 4]);
  });

  it('reports an unclosed quote at the line it opened, swallowing the rest', () => {
    const text = '#s\nh\nok\n"open\nmore\nrows\n';
    expect(streamed(cut(text, [5, 9, 12]))).toEqual(readCsv(text));
    expect(readCsv(text).problems).toEqual([{ line: 4, message: 'a quoted field is never closed' }]);
  });

  it('reads an orders file fed a few bytes at a time like the whole text', () => {
    const text = tinyOrdersText();
    const reader = new OrdersCsvReader('o.csv');
    for (let i = 0; i < text.length; i += 7) reader.feed(text.slice(i, i + 7));
    const streamedOrders = reader.end();
    const whole = readOrdersCsv(text, 'o.csv');
    expect(streamedOrders.value.orders).toEqual(whole.value.orders);
    expect(streamedOrders.problems).toEqual(whole.problems);
    expect(whole.value.orders.length).toBeGreaterThan(0);
  });
});
