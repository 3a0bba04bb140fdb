// The ids in `--help` examples look like real ones: order ids as the generator and the bundled
// batch write them (O0000042), not a format no file has (O-000042).
import { describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/run-cli.js';

describe('help examples', () => {
  it.each(['explain', 'verify', 'plan', 'route'])('xbroute %s --help shows order ids in the real format', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\bO-\d/);
    for (const id of r.stdout.match(/\bO\d+\b/g) ?? []) expect(id).toMatch(/^O\d{7}$/);
  });

  it('explain --help names an order of the bundled batch', async () => {
    const r = await runCli(['explain', '--help']);
    expect(r.stdout).toContain('O0000042');
  });
});
