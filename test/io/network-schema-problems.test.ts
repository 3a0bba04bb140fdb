// Schema problems of a network file, mapped from zod v4 issues to located problems: JSON
// path, field, what was expected in words, what was found. Every problem in one pass.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { parseNetworkText, readNetworkText } from '../../src/io/network.js';
import { setPath, tinyNetwork, tinyNetworkText, type Json } from '../fixtures/tiny.js';

function problems(edit: (doc: Json) => void): string[] {
  const doc = tinyNetwork();
  edit(doc);
  return readNetworkText(JSON.stringify(doc), 'n.json').problems.map((p) => `${p.where}: ${p.field}: expected ${p.expected}, found ${p.found}`);
}

describe('parseNetworkText', () => {
  it('returns the tiny network with schema defaults filled in', () => {
    const network = parseNetworkText(tinyNetworkText(), 'n.json');
    expect(network.nodes).toHaveLength(7);
    expect(network.lanes).toHaveLength(7);
    expect(network.nodes[1]?.handlingMinutes).toBe(0);
    expect(network.calendars[1]?.workingWeekdays).toEqual([1, 2, 3, 4, 5]);
    expect(readNetworkText(tinyNetworkText(), 'n.json').problems).toEqual([]);
  });

  it('throws an InputError whose problems name the file', () => {
    const doc = tinyNetwork();
    setPath(doc, 'currency', 'yuan');
    expect(() => parseNetworkText(JSON.stringify(doc), 'n.json')).toThrow(InputError);
    expect(() => parseNetworkText(JSON.stringify(doc), 'n.json')).toThrow(/^n\.json: currency: currency: expected /);
  });
});

describe('zod issues become located problems', () => {
  it('collects every schema problem of the file in one pass', () => {
    expect(
      problems((d) => {
        setPath(d, 'nodes[0].lat', 95);
        setPath(d, 'lanes[2].mode', 'rail');
        setPath(d, 'serviceLevels[1].modes', []);
      }),
    ).toEqual([
      'nodes[0].lat: lat: expected a number <= 90, found 95',
      'lanes[2].mode: mode: expected one of "air", "truck", "clearance", "last_mile", found "rail"',
      'serviceLevels[1].modes: modes: expected at least 1 item, found an array of 0 items',
    ]);
  });

  it('names an unknown field by its own path', () => {
    expect(problems((d) => setPath(d, 'lanes[1].uld.maxKgs', 10))).toEqual([
      'lanes[1].uld.maxKgs: maxKgs: expected only the documented fields, found an unknown field "maxKgs"',
    ]);
  });

  it('names an unknown schedule kind at the discriminator', () => {
    expect(problems((d) => setPath(d, 'lanes[0].schedule', { kind: 'hourly', transitMinutes: 60 }))).toEqual([
      'lanes[0].schedule.kind: kind: expected one of "weekly", "continuous", "working_time", found "hourly"',
    ]);
  });

  it('says an integer is expected for fractional minutes', () => {
    expect(problems((d) => setPath(d, 'lanes[1].schedule.transitMinutes', 780.5))).toEqual([
      'lanes[1].schedule.transitMinutes: transitMinutes: expected an integer, found 780.5',
    ]);
  });

  it('reports a weekday outside 1..7 at its array index', () => {
    expect(problems((d) => setPath(d, 'lanes[1].schedule.departures[1].weekdays[0]', 8))).toEqual([
      'lanes[1].schedule.departures[1].weekdays[0]: weekdays: expected a number <= 7, found 8',
    ]);
  });

  it('reports a non-object document and a missing schema', () => {
    expect(readNetworkText('[1, 2]', 'n.json').problems).toMatchObject([
      { where: '(top level)', field: '(document)', found: 'an array of 2 items' },
    ]);
    expect(readNetworkText('{"name": "x"}', 'n.json').problems).toMatchObject([
      { where: 'schema', field: 'schema', expected: '"xbroute.network/v1"', found: 'nothing (the field is missing)' },
    ]);
  });

  it('locates a JSON syntax error by line and column, quoting the text there', () => {
    const text = tinyNetworkText().replace('"currency": "CNY",', '"currency": "CNY"');
    // The missing comma is noticed at the next key, "calendars", on line 5 column 3.
    expect(readNetworkText(text, 'n.json').problems).toEqual([
      {
        file: 'n.json', where: 'line 5 column 3', field: '(JSON syntax)', expected: 'valid JSON',
        found: '"\\"calendars\\": [" (expected \',\' or \'}\' after property value)', severity: 'error',
      },
    ]);
  });
});
