// `xbroute explain`: text and --json answers, and the documented exit codes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { NETWORK_JSON, fixturePlan } from '../output/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'xbroute-explain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const networkPath = join(dir, 'network.json');
const planPath = join(dir, 'plan.json');
writeFileSync(networkPath, JSON.stringify(NETWORK_JSON));
writeFileSync(planPath, JSON.stringify(fixturePlan()));

async function xbroute(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false });
  return { code, stdout, stderr };
}

describe('xbroute explain', () => {
  it('explains a planned order as text, exit 0', async () => {
    const r = await xbroute('explain', '--plan', planPath, '--network', networkPath, 'O1');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Order O1: planned');
    expect(r.stdout).toContain('shared with 1 other order: O2');
    expect(r.stderr).toBe('');
  });

  it('prints the answer object with its explanation for --json', async () => {
    const r = await xbroute('explain', '--plan', planPath, '--network', networkPath, '--json', 'O3');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ order: 'O3', status: 'unplanned', reason: 'SLA_INFEASIBLE', earliestDelivery: '2026-11-12T13:00:00+08:00' });
    expect(json['explanation']).toMatchObject({ remedy: expect.stringContaining('at or after 2026-11-12T13:00:00+08:00') });
  });

  it('exits 1 for an order the plan does not have, naming it', async () => {
    const r = await xbroute('explain', '--plan', planPath, '--network', networkPath, 'NOPE');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"NOPE"');
    expect(r.stdout).toBe('');
  });

  it('exits 1 without --plan', async () => {
    expect((await xbroute('explain', '--network', networkPath, 'O1')).code).toBe(1);
  });

  it('exits 2 for a missing, malformed or schema-invalid plan file, naming the file and path', async () => {
    const missing = await xbroute('explain', '--plan', join(dir, 'none.json'), '--network', networkPath, 'O1');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('none.json');

    const brokenPath = join(dir, 'broken.json');
    writeFileSync(brokenPath, '{ "schema": "xbroute.plan/v2", ');
    const broken = await xbroute('explain', '--plan', brokenPath, '--network', networkPath, 'O1');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json');

    const badPath = join(dir, 'bad.json');
    const bad = JSON.parse(JSON.stringify(fixturePlan())) as { orders: { slackMinutes?: unknown }[] };
    bad.orders[0]!.slackMinutes = 'plenty';
    writeFileSync(badPath, JSON.stringify(bad));
    const invalid = await xbroute('explain', '--plan', badPath, '--network', networkPath, 'O1');
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(`${badPath}: orders[0]`);
  });

  it('warns when the plan was made on another network', async () => {
    const otherPath = join(dir, 'other-network.json');
    writeFileSync(otherPath, JSON.stringify({ ...NETWORK_JSON, name: 'another' }));
    const r = await xbroute('explain', '--plan', planPath, '--network', otherPath, 'O1');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('"output-fixture"');
  });
});
