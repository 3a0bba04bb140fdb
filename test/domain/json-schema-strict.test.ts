// The published JSON Schemas are accepted by a strict JSON Schema 2020-12 validator (ajv in
// strict mode, with the standard formats) and agree with the engine on sample files: the
// bundled and example networks, the example orders and stock in their JSON form, the example
// plan — and refuse the same files broken in ways the engine refuses.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_NAMES, type JsonSchemaName, jsonSchemaFileName } from '../../src/domain/json-schema.js';
import { ORDERS_SCHEMA, STOCK_SCHEMA } from '../../src/domain/orders.js';
import { loadOrders, loadStock } from '../../src/io/load.js';

const root = new URL('../../', import.meta.url);
const text = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const schemaOf = (name: JsonSchemaName): object => JSON.parse(text(`data/schema/${jsonSchemaFileName(name)}`)) as object;

// ajv-formats is CommonJS with a default export; under NodeNext its callable is `.default`.
type AddFormats = (ajv: Ajv2020) => unknown;
const addFormats: AddFormats =
  (addFormatsPlugin as unknown as { default?: AddFormats }).default ?? (addFormatsPlugin as unknown as AddFormats);

function strictValidator(name: JsonSchemaName) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schemaOf(name));
}

/** Sample files of each format, as parsed JSON. */
function samples(): Record<JsonSchemaName, [string, unknown][]> {
  const orders = (path: string) => ({ schema: ORDERS_SCHEMA, orders: loadOrders(new URL(path, root).pathname) });
  const stock = (path: string) => ({ schema: STOCK_SCHEMA, stock: loadStock(new URL(path, root).pathname) });
  return {
    network: [
      ['data/network.json', JSON.parse(text('data/network.json'))],
      ['data/examples/tiny/network.json', JSON.parse(text('data/examples/tiny/network.json'))],
    ],
    orders: [
      ['data/examples/tiny/orders.csv as JSON', orders('data/examples/tiny/orders.csv')],
      ['data/orders-s.csv as JSON', orders('data/orders-s.csv')],
    ],
    stock: [
      ['data/examples/tiny/stock.csv as JSON', stock('data/examples/tiny/stock.csv')],
      ['data/stock-s.csv as JSON', stock('data/stock-s.csv')],
    ],
    plan: [['data/examples/tiny/expected-plan.json', JSON.parse(text('data/examples/tiny/expected-plan.json'))]],
    scenario: [
      ['data/scenarios/tiny-mu-cancelled.json', JSON.parse(text('data/scenarios/tiny-mu-cancelled.json'))],
      ['data/scenarios/tiny-lh-daily.json', JSON.parse(text('data/scenarios/tiny-lh-daily.json'))],
      ['data/scenarios/pvg-typhoon.json', JSON.parse(text('data/scenarios/pvg-typhoon.json'))],
    ],
    events: [['data/examples/tiny/events.json', JSON.parse(text('data/examples/tiny/events.json'))]],
  };
}

describe('JSON Schemas under a strict 2020-12 validator', () => {
  const all = samples();

  it.each(JSON_SCHEMA_NAMES)('%s.schema.json compiles in ajv strict mode', (name) => {
    expect(() => strictValidator(name)).not.toThrow();
  });

  it.each(JSON_SCHEMA_NAMES)('%s.schema.json accepts the sample files', (name) => {
    const validate = strictValidator(name);
    for (const [label, value] of all[name]) {
      const ok = validate(value);
      expect(ok, `${label}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it('refuses what the engine refuses', () => {
    const plan = structuredClone(all.plan[0]?.[1]) as { totals: { unplanned: Record<string, number> } };
    delete plan.totals.unplanned['NO_STOCK'];
    expect(strictValidator('plan')(plan)).toBe(false);
    plan.totals.unplanned['NO_STOCK'] = 0;
    plan.totals.unplanned['LOST'] = 1;
    expect(strictValidator('plan')(plan)).toBe(false);

    const orders = structuredClone(all.orders[0]?.[1]) as { orders: Record<string, unknown>[] };
    const order = orders.orders[0] ?? {};
    delete order['serviceLevel'];
    delete order['deliverBy'];
    expect(strictValidator('orders')(orders)).toBe(false);

    const stock = structuredClone(all.stock[0]?.[1]) as { stock: Record<string, unknown>[] };
    (stock.stock[0] ?? {})['qty'] = -1;
    expect(strictValidator('stock')(stock)).toBe(false);

    const scenario = structuredClone(all.scenario[0]?.[1]) as { edits: Record<string, unknown>[] };
    (scenario.edits[0] ?? {})['kind'] = 'close_everything';
    expect(strictValidator('scenario')(scenario)).toBe(false);
  });
});
