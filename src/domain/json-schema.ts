// JSON Schema (draft 2020-12) of the JSON file formats, generated from the zod schemas so the
// published files cannot disagree with what the engine accepts. Pure: the files under
// data/schema are written by data/scripts/write-schemas.ts and checked by a test.
import { z } from 'zod';
import { NETWORK_SCHEMA, Network } from './network.js';
import { ORDERS_SCHEMA, Order, OrderLine, OrdersFile, STOCK_SCHEMA, StockFile } from './orders.js';
import { PLAN_SCHEMA, Plan } from './plan.js';
import { SCENARIO_SCHEMA, Scenario } from '../scenario/schema.js';
import { EVENTS_SCHEMA, EventsFile } from './events.js';

export const JSON_SCHEMA_NAMES = ['network', 'orders', 'stock', 'plan', 'scenario', 'events'] as const;
export type JsonSchemaName = (typeof JSON_SCHEMA_NAMES)[number];

/** Where the schemas are published; the `-v1` follows the `schema` field of the files. */
export function jsonSchemaId(name: JsonSchemaName): string {
  return `https://xbroute.dev/schema/${name}-v1.json`;
}

interface Source {
  zod: z.ZodType;
  version: string;
  title: string;
  description: string;
}

const SOURCES: Record<JsonSchemaName, Source> = {
  network: {
    zod: Network,
    version: NETWORK_SCHEMA,
    title: 'xbroute network',
    description:
      'Everything static the planner needs: calendars, nodes, lanes with schedules and tariffs, service levels, ' +
      'customs rules. Money in integer minor units of `currency`.',
  },
  orders: {
    zod: OrdersFile,
    version: ORDERS_SCHEMA,
    title: 'xbroute orders',
    description:
      'A batch of customer orders, JSON form. The CSV form (one row per order line) is documented in the README.',
  },
  stock: {
    zod: StockFile,
    version: STOCK_SCHEMA,
    title: 'xbroute stock',
    description: 'Units on hand per node and SKU, JSON form. The CSV form is documented in the README.',
  },
  plan: {
    zod: Plan,
    version: PLAN_SCHEMA,
    title: 'xbroute plan',
    description:
      'The planner\'s answer: every order of the batch exactly once, planned (parcels, legs, costs) or unplanned ' +
      'with a reason; the consolidations per departure; totals with the lower bound and gap.',
  },
  scenario: {
    zod: Scenario,
    version: SCENARIO_SCHEMA,
    title: 'xbroute scenario',
    description:
      'A what-if: edits applied in order to a base network and stock (close a lane or node over dates, add a lane ' +
      'or a weekly departure, scale a lane\'s rates, change a port capacity or an allotment, move stock), compared ' +
      'side by side with the base by `xbroute compare`.',
  },
  events: {
    zod: EventsFile,
    version: EVENTS_SCHEMA,
    title: 'xbroute events',
    description:
      'Disruptions to re-plan around (`xbroute replan --event`): departures cancelled, lanes closed for dates, ' +
      'clearance ports closed or their capacity cut for a day. Dates are local dates of the lane\'s origin or the port.',
  },
};

/**
 * Rules zod checks in `.refine` have no JSON Schema form of their own; we restate them as
 * `anyOf` of `required` so a validator outside the engine catches the same mistakes.
 */
function restateRefinements(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  if (ctx.zodSchema === OrderLine) {
    ctx.jsonSchema.anyOf = [requiredOne('dimensionsCm'), requiredOne('unitVolumeM3')];
  } else if (ctx.zodSchema === Order) {
    ctx.jsonSchema.anyOf = [requiredOne('serviceLevel'), requiredOne('deliverBy')];
  }
}

/**
 * "This member is present", in the form strict validators accept: ajv's strict mode refuses a
 * `required` name its own schema object does not define, so the branch names it (`true`: any
 * value; the value's rules stay in the enclosing `properties`).
 */
function requiredOne(name: string): Record<string, unknown> {
  return { properties: { [name]: true }, required: [name] };
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * zod writes a record keyed by an enum (every key required) as `propertyNames` + `required`
 * with no `properties`, which strict validators refuse ("required property is not defined").
 * The same object as named `properties`, each with the record's value schema, is equivalent
 * and strict-clean. Rewritten bottom-up, everywhere in the schema.
 */
function strictClean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strictClean);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) out[key] = strictClean(child);
  const names = isObject(out.propertyNames) ? out.propertyNames.enum : undefined;
  const required = out.required;
  if (out.properties === undefined && Array.isArray(names) && Array.isArray(required) && isObject(out.additionalProperties)) {
    const valueSchema = out.additionalProperties;
    const { propertyNames: _names, additionalProperties: _values, ...rest } = out;
    return {
      ...rest,
      properties: Object.fromEntries(names.map((name) => [String(name), valueSchema])),
      required,
      additionalProperties: false,
    };
  }
  return out;
}

function generate(name: JsonSchemaName): Record<string, unknown> {
  const source = SOURCES[name];
  const generated = z.toJSONSchema(source.zod, {
    target: 'draft-2020-12',
    // The input side: fields with a default are optional, as a file author sees them.
    io: 'input',
    // Inline every shared piece (Id, Minor, …): each file stands alone and reads top-down.
    reused: 'inline',
    // A schema zod cannot express must fail loudly here, not publish a hole.
    unrepresentable: 'throw',
    override: restateRefinements,
  }) as Record<string, unknown>;
  const { $schema, ...body } = strictClean(generated) as Record<string, unknown>;
  return {
    $schema,
    $id: jsonSchemaId(name),
    title: `${source.title} (${source.version})`,
    description: source.description,
    ...body,
  };
}

/** The JSON Schema of each JSON file format, keyed by format. */
export function jsonSchemas(): Record<JsonSchemaName, object> {
  return {
    network: generate('network'),
    orders: generate('orders'),
    stock: generate('stock'),
    plan: generate('plan'),
    scenario: generate('scenario'),
    events: generate('events'),
  };
}

/** The checked-in file name of a format's schema (under data/schema/). */
export function jsonSchemaFileName(name: JsonSchemaName): string {
  return `${name}.schema.json`;
}

/** A schema as written to disk: 2-space indentation and a trailing newline. */
export function renderJsonSchema(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
