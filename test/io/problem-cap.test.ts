// A file with thousands of problems keeps the first MAX_PROBLEMS_PER_FILE and a count of
// the rest, so memory and output stay bounded.
import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS_PER_FILE, MORE_PROBLEMS_FIELD, ProblemList } from '../../src/io/problems.js';
import { readStockCsv } from '../../src/io/stock.js';

describe('ProblemList', () => {
  it('keeps the first problems and one summary of the rest', () => {
    const list = new ProblemList('f.csv');
    for (let i = 0; i < MAX_PROBLEMS_PER_FILE + 25; i += 1) list.add(`line ${i + 3}`, 'qty', 'a number', 'x');
    const all = list.all();
    expect(all).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(all.at(-1)).toEqual({
      file: 'f.csv', where: 'whole file', field: MORE_PROBLEMS_FIELD,
      expected: `at most ${MAX_PROBLEMS_PER_FILE} problems listed`, found: '25 more not listed', severity: 'error',
    });
    expect(list.errorCount).toBe(MAX_PROBLEMS_PER_FILE + 25);
  });

  it('reports a (where, field) pair once', () => {
    const list = new ProblemList('f');
    list.add('line 3', 'qty', 'a number', 'x');
    list.add('line 3', 'qty', 'an integer', 'y');
    list.suppress('line 4', 'qty');
    list.add('line 4', 'qty', 'a number', 'z');
    expect(list.all().map((p) => p.expected)).toEqual(['a number']);
  });

  it('caps a real file and keeps the summary last after sorting by line', () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `N,S${i},bad`).join('\n');
    const problems = readStockCsv(`#xbroute.stock/v1\nnode,sku,qty\n${rows}\n`, 's.csv').problems;
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(problems[0]?.where).toBe('line 3');
    expect(problems.at(-1)?.found).toBe('200 more not listed');
  });
});
