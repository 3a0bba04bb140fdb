// Reading one of our CSV inputs as a table, whole or as a stream: the `#xbroute.<kind>/v1` schema line, a header
// naming known columns, rows of the header's width, and cell converters (decimal numbers,
// money in major units -> integer minor units) that report located problems.
import type { InputProblem } from '../domain/errors.js';
import type { CsvRecord } from './csv.js';
import { CsvRecordStream } from './csv-stream.js';
import { MORE_PROBLEMS_FIELD, type ProblemList, describeValue } from './problems.js';

/** One data row: its line in the file and its cells by column name. */
export class CsvRow {
  constructor(
    readonly line: number,
    private readonly cells: readonly string[],
    private readonly position: ReadonlyMap<string, number>,
  ) {}

  /** Cell text by column name, trimmed; a column the header lacks reads as an empty string. */
  cell(column: string): string {
    const i = this.position.get(column);
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }
}

export interface CsvTableSpec {
  /** e.g. "xbroute.orders/v1" */
  schema: string;
  required: readonly string[];
  optional: readonly string[];
}

export function lineWhere(line: number): string {
  return `line ${line}`;
}

/** Problems in file order: by line (stable, so one row's problems keep their order); file-wide ones first, the cap's summary last. */
export function sortByLine(problems: readonly InputProblem[]): InputProblem[] {
  const lineOf = (p: InputProblem): number => {
    if (p.field === MORE_PROBLEMS_FIELD) return Number.MAX_SAFE_INTEGER;
    const m = /^line (\d+)$/.exec(p.where);
    return m === null ? 0 : Number(m[1]);
  };
  return problems
    .map((p, i) => ({ p, i, line: lineOf(p) }))
    .sort((a, b) => a.line - b.line || a.i - b.i)
    .map((x) => x.p);
}

/**
 * Reads a CSV table as a stream: the schema line, the header, then each row handed to `onRow`
 * as soon as it is complete, every problem reported into `list`. Feed the text in chunks, then
 * call end(), which says whether the table could be read at all (false: no or wrong schema
 * line, bad header; rows are then not handed on).
 */
export class CsvTableStream {
  private readonly records: CsvRecordStream;
  private firstChunk = true;
  private firstLine = '';
  private schemaOk: boolean | undefined;
  private failed = false;
  private columnCount = 0;
  private position: Map<string, number> | undefined;

  constructor(
    private readonly spec: CsvTableSpec,
    private readonly list: ProblemList,
    private readonly onRow: (row: CsvRow) => void,
  ) {
    this.records = new CsvRecordStream({
      schemaLine: (text) => this.schemaLine(text),
      record: (record) => this.record(record),
      problem: (p) => {
        if (this.schemaOk === undefined) this.noSchemaLine();
        if (!this.failed) this.list.add(lineWhere(p.line), '(CSV syntax)', 'valid CSV (RFC 4180)', p.message);
      },
    });
  }

  feed(chunk: string): void {
    if (this.firstChunk && chunk !== '') {
      this.firstChunk = false;
      this.firstLine = chunk.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    }
    this.records.feed(chunk);
  }

  /** Ends the text; true when the table was read (its rows, good or bad, were seen). */
  end(): boolean {
    this.records.end();
    if (!this.records.sawText) {
      this.list.add(lineWhere(1), 'schema line', `"#${this.spec.schema}" then a header row`, 'an empty file');
      return false;
    }
    if (this.schemaOk === undefined) this.noSchemaLine();
    if (this.failed) return false;
    if (this.position === undefined) {
      this.list.add(lineWhere(2), 'header', `a header row: ${[...this.spec.required, ...this.spec.optional].join(',')}`, 'nothing');
      return false;
    }
    return true;
  }

  private noSchemaLine(): void {
    this.schemaOk = false;
    this.failed = true;
    this.list.add(lineWhere(1), 'schema line', `"#${this.spec.schema}" as the first line`, describeValue(this.firstLine));
  }

  private schemaLine(text: string): void {
    // Spreadsheets pad every line to the table's width: "#xbroute.orders/v1,,,," is the same line.
    const schemaLine = text.replace(/,+$/, '');
    const spec = this.spec;
    if (schemaLine === spec.schema) {
      this.schemaOk = true;
      return;
    }
    this.schemaOk = false;
    this.failed = true;
    const [kind] = spec.schema.split('/');
    const sameKind = schemaLine.startsWith(`${kind ?? ''}/`);
    this.list.add(
      lineWhere(1),
      'schema line',
      sameKind ? `"#${spec.schema}" (the only version this xbroute reads)` : `"#${spec.schema}"`,
      `"#${schemaLine}"${sameKind ? ' (unsupported version)' : ''}`,
    );
  }

  private record(record: CsvRecord): void {
    if (this.schemaOk === undefined) this.noSchemaLine();
    if (this.failed) return;
    if (this.position === undefined) {
      this.header(record);
      return;
    }
    if (record.cells.length !== this.columnCount) {
      this.list.add(lineWhere(record.line), '(row)', `${this.columnCount} columns, as in the header`, `${record.cells.length} column${record.cells.length === 1 ? '' : 's'}`);
      return;
    }
    this.onRow(new CsvRow(record.line, record.cells, this.position));
  }

  private header(header: CsvRecord): void {
    const { spec, list } = this;
    const known = new Set([...spec.required, ...spec.optional]);
    const columns = header.cells.map((c) => c.trim());
    const position = new Map<string, number>();
    let headerOk = true;
    columns.forEach((name, i) => {
      if (!known.has(name)) {
        list.add(lineWhere(header.line), name === '' ? `(column ${i + 1})` : name, `one of the columns ${[...known].join(', ')}`, `an unknown column ${describeValue(name)}`);
        headerOk = false;
      } else if (position.has(name)) {
        list.add(lineWhere(header.line), name, 'each column once', `"${name}" twice`);
        headerOk = false;
      } else position.set(name, i);
    });
    for (const name of spec.required) {
      if (!position.has(name)) {
        list.add(lineWhere(header.line), name, `a column named "${name}"`, 'no such column in the header');
        headerOk = false;
      }
    }
    if (!headerOk) {
      this.failed = true;
      return;
    }
    this.columnCount = columns.length;
    this.position = position;
  }
}

/**
 * Reads the schema line, the header and the rows of a whole text, reporting every problem into
 * `list`. Returns undefined when the table cannot be read at all (no or wrong schema line, bad header).
 */
export function readCsvTable(text: string, spec: CsvTableSpec, list: ProblemList): CsvRow[] | undefined {
  const rows: CsvRow[] = [];
  const table = new CsvTableStream(spec, list, (row) => rows.push(row));
  table.feed(text);
  return table.end() ? rows : undefined;
}

/** A finite decimal number ("12", "0.5", "1e3"); not "", "NaN", "Infinity", "0x10", "1,5". */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Converts a cell to a number, or reports why not and returns undefined.
 * An empty cell is undefined without a problem: whether it may be empty is the schema's call.
 */
export function numberCell(row: CsvRow, column: string, list: ProblemList): number | undefined {
  const text = row.cell(column);
  if (text === '') return undefined;
  if (!DECIMAL.test(text)) {
    list.add(lineWhere(row.line), column, 'a decimal number such as 12.5', describeValue(text));
    return undefined;
  }
  const value = Number(text);
  if (!Number.isFinite(value)) {
    list.add(lineWhere(row.line), column, 'a finite number', describeValue(text));
    return undefined;
  }
  return value;
}

/** Major units with at most two decimals ("129.90") -> integer minor units (12990), exactly. */
const MONEY = /^(\d+)(?:\.(\d{1,2}))?$/;

/** Parses the decimal string itself, so "0.29" is 29 and never 28.999999999999996. */
export function moneyCell(row: CsvRow, column: string, list: ProblemList): number | undefined {
  const text = row.cell(column);
  if (text === '') return undefined;
  const m = MONEY.exec(text);
  if (m === null) {
    const tooPrecise = /^\d+\.\d{3,}$/.test(text);
    list.add(
      lineWhere(row.line),
      column,
      tooPrecise ? 'an amount with at most 2 decimals, such as 129.90' : 'a non-negative amount such as 129.90',
      describeValue(text),
    );
    return undefined;
  }
  const whole = m[1] ?? '0';
  const cents = (m[2] ?? '').padEnd(2, '0');
  // Beyond 15 digits the sum is inexact, but such a value is far over the schema's limit anyway.
  return Number(whole) * 100 + Number(cents);
}
