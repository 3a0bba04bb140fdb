// REASON_INVALID_ORDER: an order answered INVALID_ORDER must name the field that is wrong, and
// that field must really be wrong against the network. The fields an order can get wrong only
// against the network (the batch's own checks reject the rest before planning):
//   destination     not a node of the network, or not a zone;
//   serviceLevel    not a service level of the network;
//   allowedSources  lists a node that is not a storage base or warehouse of the network;
//   deliverBy       before the order's createdAt (rounded up to its whole second).
// Any other field (or none) is rejected: the verifier cannot confirm it.
import { SOURCE_KIND } from '../domain/network.js';
import type { Order } from '../domain/orders.js';
import { parseInstant } from '../time/index.js';
import type { VerifyContext } from './context.js';
import type { UnplannedCase } from './unplanned-case.js';

const STOCKING_KINDS: ReadonlySet<string> = new Set(Object.values(SOURCE_KIND));
const SECOND_MS = 1000;

/** Per field: why it is invalid, or null when it is not. */
const FIELD_RULES: Record<string, (ctx: VerifyContext, order: Order) => string | null> = {
  destination: (ctx, order) => {
    const node = ctx.index.nodes.get(order.destination);
    if (node === undefined) return `no node ${order.destination}`;
    return node.kind === 'zone' ? null : `${order.destination} is a ${node.kind}`;
  },
  serviceLevel: (ctx, order) =>
    order.serviceLevel !== undefined && !ctx.index.serviceLevels.has(order.serviceLevel) ? `no service level ${order.serviceLevel}` : null,
  allowedSources: (ctx, order) => {
    const bad = (order.allowedSources ?? []).find((id) => !STOCKING_KINDS.has(ctx.index.nodes.get(id)?.kind ?? ''));
    return bad === undefined ? null : `${bad} is not a storage base or warehouse`;
  },
  deliverBy: (_ctx, order) => {
    if (order.deliverBy === undefined) return null;
    // Plans count in whole seconds: a creation within a second is taken at its end.
    const createdMs = Math.ceil(parseInstant(order.createdAt) / SECOND_MS) * SECOND_MS;
    return parseInstant(order.deliverBy) < createdMs ? `deliverBy ${order.deliverBy} is before createdAt ${order.createdAt}` : null;
  },
};

export function checkInvalidOrderReason({ ctx, order, answer }: UnplannedCase): void {
  const report = (message: string, expected?: string) =>
    ctx.report({ rule: 'REASON_INVALID_ORDER', order: order.id, message: `order ${order.id} is answered INVALID_ORDER, but ${message}`, expected, found: answer.field ?? 'none' });
  const known = Object.keys(FIELD_RULES).join(' | ');
  if (answer.field === undefined) {
    report('the answer names no field', known);
    return;
  }
  // A path into the field ("allowedSources[1]") names the field.
  const field = /^[A-Za-z]+/.exec(answer.field)?.[0] ?? '';
  const rule = FIELD_RULES[field];
  if (rule === undefined) {
    report(`its field "${answer.field}" is not one an order can get wrong against the network`, known);
    return;
  }
  let problem: string | null;
  try {
    problem = rule(ctx, order);
  } catch (error) {
    problem = `unreadable (${error instanceof Error ? error.message : String(error)})`;
  }
  if (problem === null) report(`its ${field} is valid against the network`);
}
