// Per-order facts every planner needs before choosing anything: is the order well formed
// against the network, its deadline, its measures, and which fulfilment modes it may use.
// Orders that fail here are answered (INVALID_ORDER, OVER_VALUE_LIMIT), never dropped.
import { type CrossBorderStanding, crossBorderStanding, isCrossBorder, modesAllowed } from '../../domain/customs.js';
import { measureLines, type Measures } from '../../domain/measure.js';
import { FulfilmentMode, SOURCE_KIND } from '../../domain/network.js';
import type { Order } from '../../domain/orders.js';
import { formatMinor } from '../../output/money.js';
import { orderDeadlineMs } from '../../time/sla.js';
import { parseInstant, type TimeModel } from '../../time/time-model.js';
import { type Unplanned, unplanned } from '../model/decisions.js';

export interface OrderFacts {
  order: Order;
  /** Creation instant, rounded up to a whole second so that printed times stay exact. */
  createdMs: number;
  deadlineMs: number;
  measures: Measures;
  /** Modes allowed by the service level and the cross-border value limit. */
  modes: FulfilmentMode[];
  /** How the order stands against the CBEC limits: decides which modes it may use and its tax basis. */
  standing: CrossBorderStanding;
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
  const levelModes: FulfilmentMode[] = level?.modes ?? [...FulfilmentMode.options];
  const customs = index.network.customs;
  const standing = crossBorderStanding(customs, order.lines);
  const modes = modesAllowed(levelModes, standing);
  if (modes.length === 0) {
    // Only reachable when the level offers cross-border modes alone: the limit is the reason.
    return unplanned(
      order.id,
      'OVER_VALUE_LIMIT',
      `Order value ${formatMinor(measures.valueMinor, { grouping: true })} ${index.network.currency} exceeds the cross-border limit of ${formatMinor(customs.crossBorderOrderLimitMinor, { grouping: true })} per order and is not a single item, and its service level (${levelModes.join(', ')}) offers no general-trade fulfilment; it can ship only from duty-paid domestic stock under a service level that allows general trade.`,
    );
  }
  return { order, createdMs, deadlineMs, measures, modes, standing };
}

/** True when the CBEC limit (not the service level) removed the order's cross-border modes. */
export function limitedToGeneralTrade(facts: OrderFacts): boolean {
  return facts.standing === 'over_limit' && facts.modes.every((m) => !isCrossBorder(m));
}
