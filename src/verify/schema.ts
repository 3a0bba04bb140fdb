// SCHEMA: the plan must parse with the domain's `Plan` schema before anything else is
// checked; a plan that does not is reported issue by issue, never thrown at the caller.
import type { z } from 'zod';
import { Plan } from '../domain/plan.js';
import type { Violation } from './rules.js';

export type ParsedPlan = { ok: true; plan: Plan } | { ok: false; violations: Violation[] };

export function parsePlan(plan: unknown): ParsedPlan {
  const parsed = Plan.safeParse(plan);
  if (parsed.success) return { ok: true, plan: parsed.data };
  return { ok: false, violations: parsed.error.issues.map(toViolation) };
}

function toViolation(issue: z.core.$ZodIssue): Violation {
  const at = formatPath(issue.path);
  return { rule: 'SCHEMA', message: `${at}: ${issue.message}` };
}

/** `orders[0].parcels[1].cost` — the JSON path as a person reads it. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = 'plan';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}
