// CSV read as a stream: text arrives in chunks (a file read a megabyte at a time), and each
// complete record is handed on as soon as its line break is seen, with the line of the file
// where it starts. Only the record being read is held, so the text of a 200 MB file is never
// in memory at once. A record's cells are split by csv.ts's reader, the one CSV grammar.
import { type CsvRecord, type CsvSyntaxProblem, splitRecords } from './csv.js';

const BOM = '\uFEFF';
const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;

/** Where the scanner is inside the current record (RFC 4180 as csv.ts reads it). */
type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'afterQuote';

export interface CsvStreamHandlers {
  /** The leading `#…` line without the `#`, trimmed (called at most once, before any record). */
  schemaLine(text: string): void;
  /** A non-empty record. */
  record(record: CsvRecord): void;
  problem(problem: CsvSyntaxProblem): void;
}

/**
 * Splits chunks of CSV text into records. Feed the chunks in order, then call end(). Blank
 * lines are skipped; a quoted field may span lines; an unclosed quote swallows the rest of the
 * text and is reported at the line where it opened (as csv.ts does).
 */
export class CsvRecordStream {
  private pending = '';
  /** Scan position in `pending`; `pending` starts at the current record. */
  private pos = 0;
  private state: State = 'fieldStart';
  /** Line of the file where the current record starts. */
  private line = 1;
  private started = false;
  private schemaDone = false;
  /** Whether any non-blank text was seen: an empty file is its own problem. */
  sawText = false;

  constructor(private readonly on: CsvStreamHandlers) {}

  feed(chunk: string): void {
    if (chunk === '') return;
    this.pending += chunk;
    if (!this.started) {
      if (this.pending.startsWith(BOM)) this.pending = this.pending.slice(BOM.length);
      if (this.pending.length === 0) return;
      this.started = true;
    }
    this.scan(false);
  }

  end(): void {
    this.scan(true);
    if (this.pending.length > 0) this.emit(this.pending);
    this.pending = '';
    this.pos = 0;
  }

  private scan(atEnd: boolean): void {
    const text = this.pending;
    let start = 0; // start of the current record in `text`
    let i = this.pos;
    if (!this.schemaDone) {
      // The schema line is read as a plain line, before any CSV rule applies.
      const nl = text.indexOf('\n');
      if (nl === -1 && !atEnd) return;
      this.schemaDone = true;
      if (text.startsWith('#')) {
        const raw = nl === -1 ? text : text.slice(0, nl);
        this.sawText = true;
        this.on.schemaLine(raw.replace(/\r$/, '').slice(1).trim());
        this.line = 2;
        start = nl === -1 ? text.length : nl + 1;
        i = start;
      }
    }
    const n = text.length;
    // The next quote at or after i (-1: none in the rest of the text), found once per quote:
    // searching afresh on every line would scan the chunk's tail once per line.
    let q = -2;
    while (i < n) {
      if (this.state !== 'quoted' && this.state !== 'quoteInQuoted') {
        // Fast path: no quote before the next line break, so the record ends there.
        const nl = text.indexOf('\n', i);
        if (q !== -1 && q < i) q = text.indexOf('"', i);
        if (nl !== -1 && (q === -1 || q > nl)) {
          this.emit(text.slice(start, nl + 1));
          i = nl + 1;
          start = i;
          this.state = 'fieldStart';
          continue;
        }
        if (q === -1) {
          // The rest is unquoted text of a record whose line break has not come yet: skip it,
          // leaving the state it ends in (a quote in the next chunk must be read in context).
          if (n > i) {
            const lastComma = text.lastIndexOf(',', n - 1);
            if (lastComma >= i) this.state = lastComma === n - 1 ? 'fieldStart' : 'unquoted';
            else if (this.state === 'fieldStart') this.state = 'unquoted';
          }
          i = n;
          break;
        }
      }
      const c = text.charCodeAt(i);
      i += 1;
      let ends = false;
      switch (this.state) {
        case 'fieldStart':
          if (c === QUOTE) this.state = 'quoted';
          else if (c === LF) ends = true;
          else if (c !== COMMA) this.state = 'unquoted';
          break;
        case 'unquoted':
        case 'afterQuote':
          if (c === COMMA) this.state = 'fieldStart';
          else if (c === LF) ends = true;
          break;
        case 'quoted':
          if (c === QUOTE) this.state = 'quoteInQuoted';
          break;
        case 'quoteInQuoted':
          if (c === QUOTE) this.state = 'quoted'; // a doubled quote: literal
          else if (c === COMMA) this.state = 'fieldStart';
          else if (c === LF) ends = true;
          else this.state = 'afterQuote';
          break;
      }
      if (ends) {
        this.emit(text.slice(start, i));
        start = i;
        this.state = 'fieldStart';
      }
    }
    this.pending = text.slice(start);
    this.pos = i - start;
  }

  /** A record that is one line with no quote: no syntax problem is possible, a blank line is skipped. */
  private emitPlain(recordText: string): void {
    const cells = plainCells(recordText);
    if (!(cells.length === 1 && cells[0] === '')) this.on.record({ line: this.line, cells });
    if (!this.sawText && recordText.trim() !== '') this.sawText = true;
    if (recordText.endsWith('\n')) this.line += 1;
  }

  /** Hands one record's text (with its line break) to csv.ts's reader, at the record's first line. */
  private emit(slice: string): void {
    // A copy, not a slice of the chunk: V8 keeps a sliced string's parent alive, so cells kept
    // from this record (an order's createdAt) would otherwise hold every megabyte chunk of the file.
    const recordText = ownCopy(slice);
    if (!recordText.includes('"')) {
      this.emitPlain(recordText);
      return;
    }
    const { records, problems } = splitRecords(recordText, this.line);
    for (const p of problems) this.on.problem(p);
    for (const r of records) this.on.record(r);
    if (!this.sawText && recordText.trim() !== '') this.sawText = true;
    let breaks = 0;
    for (let k = recordText.indexOf('\n'); k !== -1; k = recordText.indexOf('\n', k + 1)) breaks += 1;
    this.line += breaks;
  }
}

/**
 * One line without a quote (nearly every line of a real file): its cells are the text between
 * commas, as splitRecords would find them, split natively — on a 100,000-order file the
 * general reader's per-character scan was a tenth of the load.
 */
function plainCells(line: string): string[] {
  const body = line.endsWith('\r\n') ? line.slice(0, -2) : line.endsWith('\n') ? line.slice(0, -1) : line;
  return body.split(',');
}

/** A string with its own storage (prepending a character makes V8 build a new flat string). */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
