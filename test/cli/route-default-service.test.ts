// `xbroute route` without --deadline or --service takes the deadline of the source's own
// service level: bonded from a bonded warehouse, general trade from a domestic warehouse,
// direct mail from an overseas storage base (not the first level that merely allows the mode).
import { describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/run-cli.js';

const AT = '2026-11-23T10:00:00+08:00';

describe('xbroute route: default service level by the source\'s kind', () => {
  it.each([
    ['BW-PVG', 'Deadline: 2026-11-26T23:59:59+08:00 (service bonded, 3 calendar days)'],
    ['SB-LAX', '(service direct_mail, 8 working days)'],
  ])('from %s', async (from, deadline) => {
    const r = await runCli(['route', '--from', from, '--to', 'Z-SH', '--at', AT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(deadline);
  });

  it('from a domestic warehouse: general trade', async () => {
    const r = await runCli(['route', '--from', 'DW-SHA', '--to', 'Z-SH', '--at', AT]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('(service general_trade, ');
  });
});
