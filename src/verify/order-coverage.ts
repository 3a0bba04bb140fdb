// ORDER_MISSING / ORDER_DUPLICATED / ORDER_UNKNOWN / DUPLICATE_ID: every order of the batch is
// answered exactly once, nothing else is answered, and parcel and consolidation ids are unique
// (consolidations list parcels by id, so an id must name one parcel).
import type { Order } from '../domain/orders.js';
import type { Plan } from '../domain/plan.js';
import type { VerifyContext } from './context.js';

export function checkOrderCoverage(ctx: VerifyContext, plan: Plan, batch: readonly Order[]): void {
  if (answersInBatchOrder(ctx, plan, batch)) return;
  // Order id -> its status, or its statuses in plan order once it is answered twice: no
  // array per answer where (almost always) there is one answer an order.
  const answers = new Map<string, string | string[]>();
  for (const answer of plan.orders) {
    const seen = answers.get(answer.order);
    if (seen === undefined) answers.set(answer.order, answer.status);
    else if (typeof seen === 'string') answers.set(answer.order, [seen, answer.status]);
    else seen.push(answer.status);
  }
  for (const [orderId, seen] of answers) {
    const statuses = typeof seen === 'string' ? [seen] : seen;
    if (!ctx.orders.has(orderId)) {
      ctx.report({ rule: 'ORDER_UNKNOWN', order: orderId, message: `the plan answers order ${orderId}, which is not in the batch` });
    } else if (statuses.length > 1) {
      ctx.report({
        rule: 'ORDER_DUPLICATED',
        order: orderId,
        message: `order ${orderId} is answered ${statuses.length} times (${statuses.join(', ')})`,
        expected: 1,
        found: statuses.length,
      });
    }
  }
  for (const orderId of ctx.orders.keys()) {
    if (!answers.has(orderId)) {
      ctx.report({ rule: 'ORDER_MISSING', order: orderId, message: `order ${orderId} of the batch is neither planned nor unplanned` });
    }
  }
}

/**
 * The common case, told without a map of every answer: the batch's ids are distinct (`ctx.orders`
 * holds one entry per order) and the plan answers them one each, in the batch's order — then no
 * order is missing, answered twice or unknown.
 */
function answersInBatchOrder(ctx: VerifyContext, plan: Plan, batch: readonly Order[]): boolean {
  if (ctx.orders.size !== batch.length || plan.orders.length !== batch.length) return false;
  for (let i = 0; i < batch.length; i += 1) if (plan.orders[i]?.order !== batch[i]?.id) return false;
  return true;
}

export function checkUniqueIds(ctx: VerifyContext, plan: Plan): void {
  const parcelOwner = new Map<string, string>();
  for (const answer of plan.orders) {
    if (answer.status !== 'planned') continue;
    for (const parcel of answer.parcels) {
      const owner = parcelOwner.get(parcel.id);
      if (owner === undefined) parcelOwner.set(parcel.id, answer.order);
      else {
        ctx.report({
          rule: 'DUPLICATE_ID',
          order: answer.order,
          parcel: parcel.id,
          message: `parcel id ${parcel.id} is used twice (orders ${owner} and ${answer.order})`,
        });
      }
    }
  }
  const consolidationIds = new Set<string>();
  for (const consolidation of plan.consolidations) {
    if (consolidationIds.has(consolidation.id)) {
      ctx.report({ rule: 'DUPLICATE_ID', consolidation: consolidation.id, message: `consolidation id ${consolidation.id} is used twice` });
    }
    consolidationIds.add(consolidation.id);
  }
}
