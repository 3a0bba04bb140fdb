// Located JSON syntax errors: V8's messages lack positions, so a scanner finds the offset.
import { describe, expect, it } from 'vitest';
import { firstSyntaxErrorOffset, lineColumn, looksLikeJson, parseJson } from '../../src/io/json-text.js';

describe('parseJson', () => {
  it('parses valid JSON, with or without a BOM', () => {
    expect(parseJson('{"a": [1, 2.5e3, true, null, "x\\"y"]}')).toEqual({ ok: true, value: { a: [1, 2500, true, null, 'x"y'] } });
    expect(parseJson('\uFEFF[1]')).toEqual({ ok: true, value: [1] });
  });

  it.each([
    ['an unquoted key', '{\n  "a": 1,\n  b: 2\n}', 'line 3 column 3', '"b: 2" (expected double-quoted property name)'],
    ['a bare word value', '{"a": x}', 'line 1 column 7', '"x}" (unexpected token \'x\')'],
    ['a trailing comma', '[1,\n 2,\n]', 'line 3 column 1', '"]" (unexpected token \']\')'],
    ['an unterminated object', '{"a": 1', 'line 1 column 8', 'the end of the file (expected \',\' or \'}\' after property value)'],
    ['text after the document', '{}\nmore', 'line 2 column 1', '"more" (unexpected non-whitespace character after JSON)'],
    ['a line break inside a string', '{"a": "b\nc"}', 'line 1 column 9', 'a line break (bad control character in string literal)'],
    ['a leading zero', '[01]', 'line 1 column 3', '"1]" (unexpected number)'],
  ])('locates %s', (_name, text, where, message) => {
    expect(parseJson(text)).toEqual({ ok: false, where, message });
  });
});

describe('firstSyntaxErrorOffset and lineColumn', () => {
  it('point at the first bad character, 1-based line and column', () => {
    // Offsets: '{' 0, '\n' 1, ' ' 2, ' ' 3, 'x' 4.
    expect(firstSyntaxErrorOffset('{\n  x')).toBe(4);
    expect(lineColumn('{\n  x', 4)).toEqual({ line: 2, column: 3 });
  });

  it('gives the text length for valid JSON', () => {
    expect(firstSyntaxErrorOffset('{"a": [1, {"b": null}]}  ')).toBe(25);
  });
});

describe('looksLikeJson', () => {
  it('is true for text starting with { or [ after a BOM and blanks', () => {
    expect(looksLikeJson('\uFEFF \n{')).toBe(true);
    expect(looksLikeJson('[')).toBe(true);
    expect(looksLikeJson('#xbroute.orders/v1')).toBe(false);
  });
});
