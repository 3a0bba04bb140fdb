// Per-order facts every planner needs before choosing anything: is the order well formed
// against the network, its deadline, its measures, and which fulfilment modes it may use.
// Orders that fail here are answered (INVALID_ORDER, OVER_VALUE_LIMIT), never dropped.
import { measureLines, type Measures } from '../domain/measure.js';
import { FulfilmentMode, SOURCE_KIND } from '../domain/network.js';
import type { Order } from '../domain/orders.js';
import { formatMinor } from '../output/money.js';
import { orderDeadlineMs } from '../time/sla.js';
import { parseInstant, type TimeModel } from '../time/time-model.js';
import { type Unplanned, unplanned } from './decisions.js';

export interface OrderFacts {
  order: Order;
  /** Creation instant, rounded up to a whole second so that printed times stay exact. */
  createdMs: number;
  deadlineMs: number;
  measures: Measures;
  /** Modes allowed by the service level and the cross-border value limit. */
  modes: FulfilmentMode[];
}

const STOCKING_KINDS = new Set(Object.values(SOURCE_KIND));

export function examineOrder(model: TimeModel, order: Order): OrderFacts | Unplanned {
  const { index } = model;
  const destination = index.nodes.get(order.destination);
  if (destination === undefined || destination.kind !== 'zone') {
    return unplanned(order.id, 'INVALID_ORDER', `Destination "${order.destination}" is not a delivery zone of the network.`, {
      field: 'destination',
    });
  }
  const level = order.serviceLevel === undefined ? undefined : index.serviceLevels.get(order.serviceLevel);
  if (order.serviceLevel !== undefined && level === undefined) {
    return unplanned(order.id, 'INVALID_ORDER', `Service level "${order.serviceLevel}" is not offered by the network.`, {
      field: 'serviceLevel',
    });
  }
  for (const source of order.allowedSources ?? []) {
    const node = index.nodes.get(source);
    if (node === undefined || !STOCKING_KINDS.has(node.kind)) {
      return unplanned(order.id, 'INVALID_ORDER', `Allowed source "${source}" is not a storage base or warehouse of the network.`, {
        field: 'allowedSources',
      });
    }
  }
  const createdMs = Math.ceil(parseInstant(order.createdAt) / 1000) * 1000;
  const deadlineMs = orderDeadlineMs(model, order);
  if (deadlineMs < createdMs) {
    return unplanned(order.id, 'INVALID_ORDER', 'The promised delivery time is before the order was created.', {
      field: 'deliverBy',
    });
  }
  const measures = measureLines(order.lines.map((line) => ({ line, qty: line.qty })));
  let modes: FulfilmentMode[] = level?.modes ?? [...FulfilmentMode.options];
  const limit = index.network.customs.crossBorderOrderLimitMinor;
  if (measures.valueMinor > limit) {
    modes = modes.filter((m) => m === 'general_trade');
    if (modes.length === 0) {
      return unplanned(
        order.id,
        'OVER_VALUE_LIMIT',
        `Order value ${formatMinor(measures.valueMinor, { grouping: true })} ${index.network.currency} exceeds the cross-border limit of ${formatMinor(limit, { grouping: true })} per order, and its service level does not allow general trade.`,
      );
    }
  }
  return { order, createdMs, deadlineMs, measures, modes };
}
