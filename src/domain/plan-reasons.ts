// Why an order is unplanned: the machine-readable reasons of a plan (apart from plan.ts so the
// re-plan report can name them without a cycle).
import { z } from 'zod';

export const UnplannedReason = z.enum([
  'NO_STOCK', 'NO_ROUTE', 'SLA_INFEASIBLE', 'CAPACITY', 'OVER_VALUE_LIMIT', 'INVALID_ORDER', 'TIME_LIMIT',
]);
export type UnplannedReason = z.infer<typeof UnplannedReason>;
