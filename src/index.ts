// The package root: what `import … from 'xbroute'` offers. A curated list: the planner, the
// domain types and their zod schemas, the loaders, the renderers of a plan, the verifier and
// the error classes. Everything else is internal and may change.

// Planning
export {
  createPlanner, type Planner, type PlannerOptions, type PlanOptions, type PlanProgress, type PlanPhase, type PlannerStatus,
} from './api/planner.js';
export {
  type QuoteOptions, type OrderQuote, type ModeQuote, type PromisedMode, type UnpromisedMode, type QuoteParcel, type QuoteLeg,
} from './api/quote.js';
export { DEFAULT_SOLVER, SOLVERS, type SolverName } from './engine/plan-batch.js';

// Domain: zod schemas (validate your own data) and the types they describe
export {
  NETWORK_SCHEMA, Network, Node, NodeKind, Lane, LaneMode, Calendar, ServiceLevel, FulfilmentMode, Customs, Schedule,
  WeightBreakTariff, UldType,
} from './domain/network.js';
export { ORDERS_SCHEMA, STOCK_SCHEMA, Order, OrderLine, OrdersFile, StockRecord, StockFile } from './domain/orders.js';
export {
  PLAN_SCHEMA, Plan, PlannedOrder, UnplannedOrder, OrderAnswer, UnplannedReason, PlanParcel, PlanLeg, Consolidation, PlanTotals,
  CostBreakdown, COST_COMPONENTS, type CostComponent,
} from './domain/plan.js';
export { indexNetwork, type NetworkIndex } from './domain/network-index.js';
export { jsonSchemas, type JsonSchemaName } from './domain/json-schema.js';

// Loading inputs (files) and checking in-memory ones
export { loadNetwork, loadOrders, loadStock, loadInputs, type InputPaths, type LoadedInputs } from './io/load.js';
export { parseNetworkText } from './io/network.js';
export { parseOrdersCsv, parseOrdersJson, parseOrdersText } from './io/orders.js';
export { parseStockCsv, parseStockJson, parseStockText } from './io/stock.js';
export { loadPlan } from './io/plan.js';
// Re-planning: the request, the events file, bookings and the report in the plan.
export type { ReplanRequest } from './api/replan.js';
export { loadEvents, parseEventsText } from './io/events.js';
export { Disruption, EventsFile, EVENTS_SCHEMA, closuresOf } from './domain/events.js';
export { type Booking, bookedConsolidations } from './domain/bookings.js';
export { ReplanReport, MissedPromise } from './domain/replan-report.js';
export { checkNetworkValue, checkOrdersValue, checkStockValue } from './api/check-inputs.js';
export { defaultNetworkPath, sampleOrdersPath, sampleStockPath, loadDefaultNetwork, loadSampleBatch } from './api/bundled.js';
export { generateBatch, PROFILES, type BatchOptions, type Batch, type Profile } from './generate/batch.js';
export { ordersToCsv, stockToCsv } from './generate/write-batch.js';

// A plan's outputs
export { planToCsv, planToGeoJson, planSummary, formatSummary, explainOrder, formatMinor, type PlanSummary, type FeatureCollection } from './output/index.js';

// Verifying a plan independently (the planner already does; for plans from elsewhere)
export { verifyPlan, type VerifyInput, type VerifyResult, type Violation } from './verify/index.js';
export { createTimeModel, type TimeModel } from './time/index.js';

// Errors: bad input, bad usage, a plan the verifier rejected, cancellation, a failed partition
export { InputError, UsageError, VerificationError, EXIT, formatProblem, type InputProblem } from './domain/errors.js';
export { AbortError, PartitionError, type FailedPartition } from './pool/errors.js';
