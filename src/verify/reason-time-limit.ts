// REASON_TIME_LIMIT: an order answered TIME_LIMIT was not examined before the run's time limit
// ran out. Whether the clock really stopped there cannot be recomputed from the inputs (the
// limit is the one wall-clock budget a run may have), so what is checked is what a plan states
// about itself: such an answer stands only in a plan marked `timeLimited: true`. A plan without
// a time limit has no excuse for leaving an order unexamined.
import type { UnplannedCase } from './unplanned-case.js';

export function checkTimeLimitReason({ ctx, order, timeLimited }: Pick<UnplannedCase, 'ctx' | 'order' | 'timeLimited'>): void {
  if (timeLimited) return;
  ctx.report({
    rule: 'REASON_TIME_LIMIT',
    order: order.id,
    message: `order ${order.id} is answered TIME_LIMIT, but the plan is not marked timeLimited: a run without a time limit examines every order`,
    expected: 'timeLimited: true',
    found: 'timeLimited: false',
  });
}
