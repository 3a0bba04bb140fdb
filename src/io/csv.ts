// A small RFC 4180 CSV reader and writer, hand-written because the format we accept is small:
// quoted fields with doubled quotes, LF or CRLF, an optional UTF-8 BOM, and an optional
// leading `#xbroute.<kind>/v1` schema line. Every record keeps the 1-based line of the file
// where it starts, so errors can name it.

/** One CSV record and the line of the file where it starts (1-based). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A syntax problem (unterminated quote, stray quote) at a line of the file. */
export interface CsvSyntaxProblem {
  line: number;
  message: string;
}

export interface CsvDocument {
  /** The text of a leading `#…` line without the `#`, or undefined when the file has none. */
  schemaLine: string | undefined;
  /** Non-empty records after the schema line: the header first, then the data rows. */
  records: CsvRecord[];
  problems: CsvSyntaxProblem[];
}

const BOM = '\uFEFF';

/**
 * Splits CSV text into records. Blank lines are skipped (hand-edited files have them);
 * a field that opens a quote but never closes it is a problem located at its first line.
 */
export function readCsv(text: string): CsvDocument {
  let body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  let schemaLine: string | undefined;
  let firstLine = 1;
  if (body.startsWith('#')) {
    const end = body.indexOf('\n');
    const raw = end === -1 ? body : body.slice(0, end);
    schemaLine = raw.replace(/\r$/, '').slice(1).trim();
    body = end === -1 ? '' : body.slice(end + 1);
    firstLine = 2;
  }
  const { records, problems } = splitRecords(body, firstLine);
  return { schemaLine, records, problems };
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;

/**
 * Cells are sliced out of the text, never built a character at a time: on a 100k-order file
 * per-character concatenation made millions of short-lived strings and the collector dominated.
 */
export function splitRecords(text: string, firstLine: number): { records: CsvRecord[]; problems: CsvSyntaxProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvSyntaxProblem[] = [];
  const n = text.length;
  let line = firstLine;
  let i = 0;

  /** Index of the delimiter ending a field that starts at `from`: a comma, LF, CRLF, or the end. */
  const fieldEnd = (from: number): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === COMMA || c === LF || (c === CR && text.charCodeAt(j + 1) === LF)) return j;
      j += 1;
    }
    return n;
  };

  records: while (i < n) {
    const recordLine = line;
    const cells: string[] = [];
    // Whether the record had a quoted field: `""` alone on a line is a record, not a blank line.
    let quoted = false;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted field: runs to the next lone quote; "" is a literal quote; line breaks are data.
        quoted = true;
        const openLine = line;
        i += 1;
        value = '';
        let start = i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            problems.push({ line: openLine, message: 'a quoted field is never closed' });
            // The rest of the file was swallowed by the open quote: nothing more to read.
            return { records, problems };
          }
          for (let j = i; j < q; j += 1) if (text.charCodeAt(j) === LF) line += 1;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(start, q + 1);
            i = q + 2;
            start = i;
            continue;
          }
          value += text.slice(start, q);
          i = q + 1;
          break;
        }
        if (i < n && fieldEnd(i) !== i) {
          problems.push({ line, message: 'text after a closing quote (a quote inside a field must be doubled)' });
          // Keep the stray text so the cell count stays right and later rows still parse.
          const end = fieldEnd(i);
          value += text.slice(i, end);
          i = end;
        }
      } else {
        const end = fieldEnd(i);
        value = text.slice(i, end);
        if (value.includes('"')) {
          problems.push({ line, message: 'a quote inside an unquoted field (quote the field and double the quote)' });
        }
        i = end;
      }
      cells.push(value);
      if (i < n && text.charCodeAt(i) === COMMA) {
        i += 1;
        continue;
      }
      // End of the record: a line break (LF or CRLF) or the end of the text.
      if (quoted || !(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
      if (i >= n) break records;
      i += text.charCodeAt(i) === CR ? 2 : 1;
      line += 1;
      continue records;
    }
  }
  return { records, problems };
}

/** A cell value the writer accepts; undefined and null become empty cells. */
export type CsvValue = string | number | boolean | undefined | null;

/** Quotes a cell only where RFC 4180 needs it (comma, quote, CR, LF) or a leading `#` would read as a schema line. */
export function csvCell(value: CsvValue): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text.startsWith('#') ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes a CSV document with LF line ends: an optional `#<schema>` line, the header, the rows.
 * Ends with a newline, as most tools expect.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[], schema?: string): string {
  const lines: string[] = [];
  if (schema !== undefined) lines.push(`#${schema}`);
  lines.push(header.map(csvCell).join(','));
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}
