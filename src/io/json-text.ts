// JSON.parse with a located error: V8's messages do not always carry a position
// ("Unexpected token 'x', … is not valid JSON"), so on failure a small scanner finds the
// offset of the first syntax error and we report its line and column.
import { type ProblemList, describeValue } from './problems.js';

export type JsonResult = { ok: true; value: unknown } | { ok: false; where: string; message: string };

/**
 * Parses JSON; on failure `where` is "line L column C" and `message` shows the text found
 * there and V8's reason: `"nodes: []" (expected double-quoted property name)`.
 */
export function parseJson(text: string): JsonResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const offset = firstSyntaxErrorOffset(body);
    const { line, column } = lineColumn(body, offset);
    const snippet = body.slice(offset).split(/\r?\n/, 1)[0]?.trim() ?? '';
    const found =
      offset >= body.length ? 'the end of the file'
      : snippet === '' ? 'a line break'
      : JSON.stringify(snippet.length > 24 ? `${snippet.slice(0, 23)}…` : snippet);
    return { ok: false, where: `line ${line} column ${column}`, message: `${found} (${shortReason(reason)})` };
  }
}

/** V8's reason without the echo of the input or the offset, which `where` already gives. */
function shortReason(message: string): string {
  let reason = message;
  const echo = reason.indexOf(', "');
  if (echo !== -1) reason = reason.slice(0, echo);
  reason = reason.replace(/( in JSON)? at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text[i] === '\n') {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first character where `text` stops being valid JSON (text.length when it ends early). */
export function firstSyntaxErrorOffset(text: string): number {
  let i = 0;
  class Stop {
    constructor(readonly at: number) {}
  }
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i += 1;
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[i] !== ch) throw new Stop(i);
      i += 1;
    }
  };
  const string = (): void => {
    i += 1; // opening quote
    for (;;) {
      const ch = text[i];
      if (ch === undefined) throw new Stop(i);
      if (ch === '"') {
        i += 1;
        return;
      }
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Stop(i);
          i += 6;
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i += 2;
        else throw new Stop(i);
        continue;
      }
      if (ch < ' ') throw new Stop(i);
      i += 1;
    }
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (m === null) throw new Stop(i);
    i += m[0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') throw new Stop(i);
        string();
        ws();
        if (text[i] !== ':') throw new Stop(i);
        i += 1;
        value();
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === '}') {
          i += 1;
          return;
        }
        throw new Stop(i);
      }
    }
    if (ch === '[') {
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === ']') {
          i += 1;
          return;
        }
        throw new Stop(i);
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    return number();
  };
  try {
    value();
    ws();
    return i < text.length ? i : text.length;
  } catch (stop) {
    if (stop instanceof Stop) return stop.at;
    // Nesting deep enough to exhaust the stack: no position to give, point at the start.
    return 0;
  }
}

/**
 * Reads a JSON input document: valid JSON, an object, and the expected `schema` value.
 * Returns the root object, or undefined (with the problem in `list`) when it is none of these;
 * a wrong schema version stops here, since the rest would be judged by the wrong rules.
 */
export function readJsonDocument(text: string, schema: string, list: ProblemList): Record<string, unknown> | undefined {
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    list.add('(top level)', '(document)', `a JSON document with "schema": "${schema}"`, 'an empty file');
    return undefined;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    list.add(parsed.where, '(JSON syntax)', 'valid JSON', parsed.message);
    return undefined;
  }
  const root = parsed.value;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    list.add('(top level)', '(document)', `a JSON object with "schema": "${schema}"`, describeValue(root));
    return undefined;
  }
  const record = root as Record<string, unknown>;
  const found = record['schema'];
  if (found !== schema) {
    const [kind] = schema.split('/');
    const sameKind = typeof found === 'string' && found.startsWith(`${kind ?? ''}/`);
    list.add(
      'schema',
      'schema',
      sameKind ? `"${schema}" (the only version this xbroute reads)` : `"${schema}"`,
      `${describeValue(found)}${sameKind ? ' (unsupported version)' : ''}`,
    );
    return undefined;
  }
  return record;
}

/** JSON when the text starts with `{` or `[` (after a BOM and blanks), CSV otherwise. */
export function looksLikeJson(text: string): boolean {
  return /^\uFEFF?\s*[{[]/.test(text);
}
