// TOTALS / LOWER_BOUND: the plan's summary figures, recounted from its answers and the
// recomputed costs, and the lower bound held to what a bound must be.
import { COST_COMPONENTS, type CostBreakdown, type Plan, UnplannedReason } from '../domain/plan.js';
import type { VerifyContext } from './context.js';
import { GAP_TOLERANCE } from './tolerance.js';

export function checkTotals(ctx: VerifyContext, plan: Plan, recomputed: CostBreakdown, taxMinor: number): void {
  const totals = plan.totals;
  // One pass over the answers (not one per reason: a 100,000-order plan has as many answers).
  let planned = 0;
  const unplanned = new Map<string, number>();
  for (const a of plan.orders) {
    if (a.status === 'planned') planned += 1;
    else unplanned.set(a.reason, (unplanned.get(a.reason) ?? 0) + 1);
  }
  const counts: [string, number, number][] = [
    ['orders', ctx.orders.size, totals.orders],
    ['planned', planned, totals.planned],
  ];
  for (const reason of UnplannedReason.options) counts.push([`unplanned.${reason}`, unplanned.get(reason) ?? 0, totals.unplanned[reason] ?? 0]);
  for (const [field, expected, found] of counts) {
    if (expected !== found) ctx.report({ rule: 'TOTALS', message: `totals.${field} is ${found}, the plan has ${expected}`, expected, found });
  }
  for (const component of [...COST_COMPONENTS, 'total'] as const) {
    if (recomputed[component] !== totals.cost[component]) {
      ctx.report({
        rule: 'TOTALS',
        message: `totals.cost.${component} is ${totals.cost[component]}, recomputed ${recomputed[component]}`,
        expected: recomputed[component],
        found: totals.cost[component],
      });
    }
  }
  if (totals.taxMinor !== taxMinor) {
    ctx.report({ rule: 'TOTALS', message: `totals.taxMinor is ${totals.taxMinor}, recomputed ${taxMinor}`, expected: taxMinor, found: totals.taxMinor });
  }
  checkLowerBound(ctx, totals.lowerBoundMinor, totals.gap, recomputed.total);
}

function checkLowerBound(ctx: VerifyContext, boundMinor: number | null, gap: number | null, costMinor: number): void {
  if (boundMinor === null) {
    if (gap !== null) ctx.report({ rule: 'LOWER_BOUND', message: `totals.gap is ${gap} without a lower bound`, expected: 'null', found: gap });
    return;
  }
  if (boundMinor > costMinor) {
    ctx.report({ rule: 'LOWER_BOUND', message: `lower bound ${boundMinor} is above the plan's cost ${costMinor}`, expected: `≤ ${costMinor}`, found: boundMinor });
  }
  // A free plan has nothing to close: its gap is 0 rather than 0/0.
  const expectedGap = costMinor === 0 ? 0 : (costMinor - boundMinor) / costMinor;
  if (gap === null || Math.abs(gap - expectedGap) > GAP_TOLERANCE) {
    ctx.report({
      rule: 'LOWER_BOUND',
      message: `totals.gap is ${gap}, (cost − bound) / cost = (${costMinor} − ${boundMinor}) / ${costMinor} = ${expectedGap}`,
      expected: expectedGap,
      found: gap ?? 'null',
    });
  }
}
