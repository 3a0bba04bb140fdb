// The independent plan verifier: `verifyPlan(inputs, plan)` recomputes every rule and cost
// (`verifyTypedPlan`: the same for a plan the engine built, without the schema parse).
// The rules, and how each is checked, are tabled in rules.ts.
export { verifyPlan, verifyTypedPlan, type VerifyInput } from './verify-plan.js';
export type { Violation, VerifyResult, VerifyRule } from './rules.js';
export { avoidableNoStock, type AvoidableNoStock } from './avoidable-no-stock.js';
export type { BookedParts } from './booked-parts.js';
