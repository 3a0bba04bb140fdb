// Input instants are bounded to the range the engine plans in (src/time/date-range.ts), and
// local times always print their offset as ±HH:MM. Regressions: created_at in 1900, 0001 or
// 9999-12-31 passed validate and `plan` exited 3; `route --at 1900-…` printed "+08:5.71666666666664".
import { describe, expect, it } from 'vitest';
import { Order } from '../../src/domain/orders.js';
import { SUPPORTED_FROM_MS, SUPPORTED_UNTIL_MS, isSupportedInstantMs } from '../../src/time/date-range.js';
import { parseInstant, zoneClock } from '../../src/time/zone.js';
import { runCli } from '../fixtures/run-cli.js';
import { TINY_NETWORK } from '../fixtures/tiny.js';
import { ordersCsv, planInputs, validateInputs } from './input-fixtures.js';

const row = (createdAt: string, deliverBy = '') => `O-1,${createdAt},Z-SH,dm8,${deliverBy},,SKU-A,1,1.2,30,20,10,,129.90`;

describe('the supported range of input instants', () => {
  it('is 2000-01-01T00:00Z inclusive to 2100-01-01T00:00Z exclusive', () => {
    expect(SUPPORTED_FROM_MS).toBe(Date.UTC(2000, 0, 1));
    expect(SUPPORTED_UNTIL_MS).toBe(Date.UTC(2100, 0, 1));
    expect(isSupportedInstantMs(parseInstant('2000-01-01T08:00:00+08:00'))).toBe(true);
    expect(isSupportedInstantMs(parseInstant('2000-01-01T07:59:59+08:00'))).toBe(false);
    expect(isSupportedInstantMs(parseInstant('2099-12-31T23:59:59Z'))).toBe(true);
    expect(isSupportedInstantMs(Number.NaN)).toBe(false);
  });

  it.each(['1900-11-11T00:05:00+08:00', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59+08:00'])(
    'rejects created_at %s in validate, located, and plan exits 2 (not 3)',
    async (createdAt) => {
      const orders = ordersCsv([row(createdAt)]);
      const validated = await validateInputs({ orders });
      expect(validated.code).toBe(2);
      expect(validated.stderr).toContain(`line 3: created_at: expected an instant between 2000-01-01T00:00:00Z and 2099-12-31T23:59:59Z, found "${createdAt}"`);
      const planned = await planInputs({ orders });
      expect(planned.code).toBe(2);
      expect(planned.plan).toBeUndefined();
    },
  );

  it('rejects deliver_by past the range', async () => {
    const result = await validateInputs({ orders: ordersCsv([row('2026-11-11T00:05:00+08:00', '9999-12-31T23:59:59+08:00')]) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('line 3: deliver_by: expected an instant between');
  });

  it('holds in the JSON schema too', () => {
    const order = { id: 'O', createdAt: '1900-01-01T00:00:00Z', destination: 'Z', deliverBy: '2026-01-01T00:00:00Z', lines: [{ sku: 'S', qty: 1, unitWeightKg: 1, unitVolumeM3: 0.001, unitValueMinor: 1 }] };
    expect(Order.safeParse(order).success).toBe(false);
    expect(Order.safeParse({ ...order, createdAt: '2025-12-31T00:00:00Z' }).success).toBe(true);
  });
});

describe('local times print their offset as ±HH:MM', () => {
  it('rounds local mean time (Shanghai 1900: +08:05:43) to whole minutes, naming the same instant', () => {
    const ms = Date.UTC(1900, 10, 10, 16, 0, 0);
    const iso = zoneClock('Asia/Shanghai').toIso(ms);
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(iso).toBe('1900-11-11T00:06:00+08:06');
    expect(parseInstant(iso)).toBe(ms);
  });

  it('route --at outside the range is a usage error (exit 1), not a strange offset', async () => {
    const result = await runCli(['route', '--network', TINY_NETWORK, '--from', 'BASE-LAX', '--to', 'Z-SH', '--at', '1900-11-11T00:00:00+08:00']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--at: "1900-11-11T00:00:00+08:00" is not an instant between 2000-01-01T00:00:00Z and 2099-12-31T23:59:59Z');
    expect(result.stdout).not.toMatch(/\+08:5\./);
  });
});
