// The README's library example (readme-example.mjs, pasted into the README as is) runs as
// written: `import … from 'xbroute'` resolves to this package's build (a package may import
// itself by name), it plans the bundled sample, prints the lines the README shows, and
// writes plan.csv. When the README carries the example, it must carry it verbatim.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PLAN_CSV_HEADER } from '../../src/output/plan-csv.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const EXAMPLE = join(HERE, 'readme-example.mjs');
const README = join(HERE, '..', '..', 'README.md');
const cwd = mkdtempSync(join(tmpdir(), 'xbroute-readme-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('the README library example', () => {
  it('plans the bundled sample and prints the summary, a route and an unplanned reason', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [EXAMPLE], { cwd, timeout: 60_000 });
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\d+ of 1000 orders planned, cost [\d,]+\.\d\d CNY$/);
    expect(lines[1]).toMatch(/^lower bound [\d,]+\.\d\d, gap \d+\.\d %$/);
    // A direct-mail parcel: storage base → airports → clearance port → zone.
    expect(lines[2]).toMatch(/^O\d+: SB-\S+ → AP-\S+ → .*CP-\S+ → Z-\S+, delivered \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(lines[3]).toMatch(/^O\d+: SLA_INFEASIBLE: .*earliest possible delivery is /);
    const csv = readFileSync(join(cwd, 'plan.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe(PLAN_CSV_HEADER.join(','));
  });

  it('is in the README verbatim, once the README shows it', () => {
    const example = readFileSync(EXAMPLE, 'utf8');
    const readme = existsSync(README) ? readFileSync(README, 'utf8') : '';
    const firstLine = example.split('\n')[0]!;
    if (readme.includes(firstLine)) expect(readme).toContain(example.trimEnd());
    expect(example).toContain("from 'xbroute'");
  });
});
