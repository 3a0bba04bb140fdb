// The published JSON Schema files: equal to freshly generated ones (no drift from the zod
// schemas), valid JSON with the right $id, and faithful on the points a file author meets.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  JSON_SCHEMA_NAMES, jsonSchemaFileName, jsonSchemaId, jsonSchemas, renderJsonSchema, type JsonSchemaName,
} from '../../src/domain/json-schema.js';

function checkedIn(name: JsonSchemaName): string {
  return readFileSync(new URL(`../../data/schema/${jsonSchemaFileName(name)}`, import.meta.url), 'utf8');
}

type Json = Record<string, unknown>;
/** Walks a JSON path of property names; fails the test if a step is missing. */
function at(value: unknown, ...path: string[]): Json {
  let current: unknown = value;
  for (const key of path) {
    expect(current, `missing "${key}"`).toBeTypeOf('object');
    current = (current as Json)[key];
  }
  expect(current).toBeTypeOf('object');
  return current as Json;
}

describe('JSON Schema files', () => {
  const fresh = jsonSchemas();

  it.each(JSON_SCHEMA_NAMES)('data/schema/%s.schema.json equals the generated schema (run npm run build:schemas)', (name) => {
    expect(checkedIn(name)).toBe(renderJsonSchema(fresh[name]));
  });

  it.each(JSON_SCHEMA_NAMES)('%s is valid JSON, draft 2020-12, with its $id and title', (name) => {
    const text = checkedIn(name);
    expect(text.endsWith('}\n')).toBe(true);
    const schema = JSON.parse(text) as Json;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`https://xbroute.dev/schema/${name}-v1.json`);
    expect(schema.$id).toBe(jsonSchemaId(name));
    expect(schema.title).toBe(`xbroute ${name} (xbroute.${name}/${name === 'plan' ? 'v2' : 'v1'})`);
  });

  it('pins the schema version of each file format', () => {
    expect(at(fresh.network, 'properties', 'schema').const).toBe('xbroute.network/v1');
    expect(at(fresh.orders, 'properties', 'schema').const).toBe('xbroute.orders/v1');
    expect(at(fresh.stock, 'properties', 'schema').const).toBe('xbroute.stock/v1');
    expect(at(fresh.plan, 'properties', 'schema').const).toBe('xbroute.plan/v2');
  });

  it('describes the input side: fields with a default are optional and show it', () => {
    const lane = at(fresh.network, 'properties', 'lanes', 'items');
    expect(lane.required).toEqual(['id', 'from', 'to', 'mode', 'schedule']);
    expect(at(lane, 'properties', 'volumetricDivisor').default).toBe(6000);
    const node = at(fresh.network, 'properties', 'nodes', 'items');
    expect(node.required).not.toContain('handlingMinutes');
  });

  it('restates the refinements zod checks in code', () => {
    // An order needs serviceLevel or deliverBy; a line needs dimensionsCm or unitVolumeM3.
    const order = at(fresh.orders, 'properties', 'orders', 'items');
    expect(order.anyOf).toEqual([{ required: ['serviceLevel'] }, { required: ['deliverBy'] }]);
    const line = at(order, 'properties', 'lines', 'items');
    expect(line.anyOf).toEqual([{ required: ['dimensionsCm'] }, { required: ['unitVolumeM3'] }]);
  });

  it('rejects unknown fields, as the strict zod objects do', () => {
    expect(fresh.stock).toMatchObject({ additionalProperties: false });
    expect(at(fresh.stock, 'properties', 'stock', 'items').additionalProperties).toBe(false);
  });
});
