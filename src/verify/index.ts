// The independent plan verifier: `verifyPlan(inputs, plan)` recomputes every rule and cost.
// The rules, and how each is checked, are tabled in rules.ts.
export { verifyPlan, type VerifyInput } from './verify-plan.js';
export type { Violation, VerifyResult, VerifyRule } from './rules.js';
