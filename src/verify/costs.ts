// COST_COMPONENT / COST_TOTAL: each parcel's and order's cost breakdown, recomputed from the
// tariffs and the consolidation shares, must match the plan to the minor unit.
import { COST_COMPONENTS, type CostBreakdown, type PlannedOrder } from '../domain/plan.js';
import { crossBorderTaxMinor, laneCostComponent, parcelLaneCostMinor } from '../tariff/index.js';
import type { VerifyContext, Where } from './context.js';
import type { ParcelFacts } from './facts.js';
import { isCrossBorder } from './sourcing.js';

export function zeroCost(): CostBreakdown {
  return { handling: 0, freight: 0, consolidation: 0, clearance: 0, lastMile: 0, tax: 0, total: 0 };
}

export function addCost(into: CostBreakdown, add: CostBreakdown): void {
  for (const component of COST_COMPONENTS) into[component] += add[component];
  into.total += add.total;
}

/** A parcel's cost from scratch; consolidation shares must already be in `facts`. */
export function parcelCost(ctx: VerifyContext, facts: ParcelFacts): CostBreakdown {
  const cost = zeroCost();
  facts.parcel.legs.forEach((leg, i) => {
    const lane = facts.itinerary.lanes[i];
    // Handling is paid at every node the parcel leaves: its source and each transfer node.
    cost.handling += ctx.index.nodes.get(lane?.from ?? leg.from)?.handlingPerParcelMinor ?? 0;
    if (lane !== undefined) cost[laneCostComponent(lane)] += parcelLaneCostMinor(lane, facts.chargeableKg);
  });
  cost.freight += facts.freightShareMinor;
  cost.consolidation += facts.consolidationShareMinor;
  if (isCrossBorder(facts.parcel.mode)) cost.tax = crossBorderTaxMinor(ctx.index.network.customs, facts.goods.valueMinor);
  cost.total = COST_COMPONENTS.reduce((sum, component) => sum + cost[component], 0);
  return cost;
}

/** Compares a reported breakdown with the recomputed one, component by component, then the total. */
export function compareCost(ctx: VerifyContext, what: string, expected: CostBreakdown, found: CostBreakdown, where: Where): void {
  for (const component of COST_COMPONENTS) {
    if (expected[component] !== found[component]) {
      ctx.report({ rule: 'COST_COMPONENT', ...where, message: `${what}: cost.${component} is ${found[component]}, recomputed ${expected[component]}`, expected: expected[component], found: found[component] });
    }
  }
  if (expected.total !== found.total) {
    ctx.report({ rule: 'COST_TOTAL', ...where, message: `${what}: cost.total is ${found.total}, recomputed ${expected.total}`, expected: expected.total, found: found.total });
  }
}

/** Checks every parcel of a planned order and the order itself; returns the order's recomputed cost. */
export function checkOrderCost(ctx: VerifyContext, answer: PlannedOrder, parcels: readonly ParcelFacts[]): CostBreakdown {
  const orderCost = zeroCost();
  for (const facts of parcels) {
    const cost = parcelCost(ctx, facts);
    compareCost(ctx, `parcel ${facts.parcel.id}`, cost, facts.parcel.cost, { order: answer.order, parcel: facts.parcel.id });
    addCost(orderCost, cost);
  }
  compareCost(ctx, `order ${answer.order}`, orderCost, answer.cost, { order: answer.order });
  return orderCost;
}
