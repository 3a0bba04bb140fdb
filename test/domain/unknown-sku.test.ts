// An unknown SKU is one order's NO_STOCK answer, not the batch's rejection
// (src/domain/check-batch.ts: a warning in validate). Regression: one order with a SKU no stock
// holds made `plan` reject the whole batch (InputError, exit 2).
import { describe, expect, it } from 'vitest';
import { checkOrdersValue, checkStockValue } from '../../src/api/check-inputs.js';
import { Network } from '../../src/domain/network.js';
import { tinyNetwork } from '../fixtures/tiny.js';
import { ordersCsv, planInputs, validateInputs } from './input-fixtures.js';

const ORDERS = ordersCsv([
  'O-1,2026-11-11T00:05:00+08:00,Z-SH,dm8,,,SKU-A,1,1.2,30,20,10,,129.90',
  'O-2,2026-11-11T00:07:00+08:00,Z-SH,dm8,,,SKU-NONE,1,1.2,30,20,10,,129.90',
]);

describe('an order with a SKU no stock holds', () => {
  it('is a located warning in validate (exit 0)', async () => {
    const result = await validateInputs({ orders: ORDERS });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: .*orders\.csv: line 4: sku: expected a SKU that some stock record holds \(the order will be answered NO_STOCK\), found "SKU-NONE" \(in no stock record\)/);
  });

  it('is answered NO_STOCK while the rest of the batch is planned', async () => {
    const result = await planInputs({ orders: ORDERS });
    expect(result.code).toBe(0);
    const byId = new Map(result.plan?.orders.map((o) => [o.order, o]));
    expect(byId.get('O-1')?.status).toBe('planned');
    expect(byId.get('O-2')).toMatchObject({ status: 'unplanned', reason: 'NO_STOCK' });
  });

  it('passes the library\'s checks of in-memory orders too', () => {
    const network = Network.parse(tinyNetwork());
    const stock = checkStockValue([{ node: 'BASE-LAX', sku: 'SKU-A', qty: 5 }], network);
    const orders = checkOrdersValue(
      [{ id: 'O', createdAt: '2026-11-11T00:05:00+08:00', destination: 'Z-SH', serviceLevel: 'dm8', lines: [{ sku: 'SKU-NONE', qty: 1, unitWeightKg: 1, unitVolumeM3: 0.001, unitValueMinor: 100 }] }],
      network,
      stock,
    );
    expect(orders.map((o) => o.id)).toEqual(['O']);
  });
});
