// Orders and stock: what customers bought and where the goods are.
// JSON forms are validated by these schemas; the CSV readers (src/io) map rows onto them.
import { z } from 'zod';
import { Id, InputInstant, Kg, M3, Minor } from './primitives.js';

export const ORDERS_SCHEMA = 'xbroute.orders/v1';
export const STOCK_SCHEMA = 'xbroute.stock/v1';

// The per-record schemas are compiled (`z.compile`: zod's ahead-of-time fast path for input
// that passes; input that fails falls back to the regular parser, so the problems reported are
// the same): a 100,000-order file is judged order by order, and the regular parser was most of
// the time it takes to load (~0.5 s of ~2 s; compiled, ~0.08 s).
export const OrderLine = z.compile(
  z
    .strictObject({
      sku: Id,
      qty: z.number().int().positive().max(100_000),
      unitWeightKg: Kg,
      /** Either the unit's box dimensions in cm … */
      dimensionsCm: z.tuple([z.number().positive().max(1000), z.number().positive().max(1000), z.number().positive().max(1000)]).optional(),
      /** … or its volume in m³. */
      unitVolumeM3: M3.optional(),
      unitValueMinor: Minor,
      /** Import tax category (network `customs.taxCategories`); absent = "ordinary". */
      taxCategory: Id.optional(),
    })
    .refine((l) => l.dimensionsCm !== undefined || l.unitVolumeM3 !== undefined, {
      message: 'needs dimensionsCm or unitVolumeM3',
      path: ['dimensionsCm'],
    }),
);
export type OrderLine = z.infer<typeof OrderLine>;

export const Order = z.compile(
  z
    .strictObject({
      id: Id,
      createdAt: InputInstant,
      destination: Id,
      serviceLevel: Id.optional(),
      /** Explicit promise; overrides the service level's deadline. */
      deliverBy: InputInstant.optional(),
      /** Nodes allowed to source this order; empty or absent = any node holding stock. */
      allowedSources: z.array(Id).optional(),
      lines: z.array(OrderLine).min(1).max(200),
    })
    .refine((o) => o.serviceLevel !== undefined || o.deliverBy !== undefined, {
      message: 'needs serviceLevel or deliverBy',
      path: ['serviceLevel'],
    }),
);
export type Order = z.infer<typeof Order>;

/**
 * Whether `schema` accepts `value` — then `value` itself is what parsing would return. These
 * record schemas have no transforms, defaults or coercions, so their output is a copy of their
 * input (keys in the schema's order, which the CSV readers build in): a reader that checks with
 * this keeps its own object instead of a second one per record, and a 100,000-order file loads
 * with half the objects to allocate and collect.
 */
export function acceptsAsIs<T>(schema: z.ZodType<T>, value: unknown): value is T {
  return z.validate(schema, value);
}

export const OrdersFile = z.strictObject({
  schema: z.literal(ORDERS_SCHEMA),
  orders: z.array(Order),
});
export type OrdersFile = z.infer<typeof OrdersFile>;

export const StockRecord = z.compile(
  z.strictObject({
    node: Id,
    sku: Id,
    qty: z.number().int().min(0).max(1e9),
  }),
);
export type StockRecord = z.infer<typeof StockRecord>;

export const StockFile = z.strictObject({
  schema: z.literal(STOCK_SCHEMA),
  stock: z.array(StockRecord),
});
export type StockFile = z.infer<typeof StockFile>;
