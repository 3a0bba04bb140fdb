// The order-level CSV: one row per order of the plan — where it is sourced and how, its
// deadline and delivery, the slack, its logistics cost and (apart) its taxes, or the reason it
// is unplanned with the planner's sentence. Pure: from the plan alone.
import type { Plan } from '../../domain/plan.js';
import { toCsv } from '../../io/csv.js';
import { formatMinor } from '../money.js';

export const ORDERS_CSV_HEADER = [
  'order', 'status', 'parcels', 'sources', 'modes', 'deadline', 'delivered', 'slack_minutes', 'logistics_cost', 'tax', 'reason', 'message',
] as const;

/** Distinct values in first-seen order, joined by ";". */
function distinct(values: readonly string[]): string {
  return [...new Set(values)].join(';');
}

export function ordersToPlanCsv(plan: Plan): string {
  const rows = plan.orders.map((answer) =>
    answer.status === 'planned'
      ? [
          answer.order, 'planned', answer.parcels.length, distinct(answer.parcels.map((p) => p.source)), distinct(answer.parcels.map((p) => p.mode)),
          answer.deadline, answer.deliveredAt, answer.slackMinutes, formatMinor(answer.cost.total), formatMinor(answer.taxMinor), '', '',
        ]
      : [answer.order, 'unplanned', 0, '', '', answer.deadline ?? '', '', '', '', '', answer.reason, answer.message],
  );
  return toCsv([...ORDERS_CSV_HEADER], rows);
}
