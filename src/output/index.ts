// Output: pure renderers of a Plan — money, CSV, GeoJSON, the summary and per-order explanations.
// No I/O here; the CLI writes what these return.
export { formatMinor, minorToMajor, MINOR_PER_MAJOR } from './money.js';
export { formatMinutes } from './duration.js';
export { planToCsv, PLAN_CSV_HEADER } from './plan-csv.js';
export {
  planToGeoJson, lineBetween, type FeatureCollection, type NodeFeature, type LaneFeature, type Position,
} from './geojson.js';
export { planSummary, formatSummary, slackDistribution, type PlanSummary, type SlackDistribution } from './summary.js';
export {
  explainOrder, explainOrderData, explainOrderJson, capacityFacts, MAX_OTHER_ORDERS, type OrderExplanation,
  type ConsolidationRide, type CapacityFacts, type ExplainOptions,
} from './explain.js';
export { formatReplanSummary } from './replan-summary.js';
