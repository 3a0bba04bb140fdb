// COST_COMPONENT / COST_TOTAL / TAX: each parcel's and order's logistics cost breakdown,
// recomputed from the tariffs and the consolidation shares, and each parcel's and order's
// import tax (apart from the cost), must match the plan to the minor unit.
import { COST_COMPONENTS, type CostBreakdown, type PlannedOrder } from '../domain/plan.js';
import { crossBorderStanding, isCrossBorder, taxBasis } from '../domain/customs.js';
import { laneCostComponent, parcelLaneCostMinor, parcelTaxMinor } from '../tariff/index.js';
import type { VerifyContext, Where } from './context.js';
import type { ParcelFacts } from './facts.js';

export function zeroCost(): CostBreakdown {
  return { handling: 0, freight: 0, consolidation: 0, clearance: 0, lastMile: 0, total: 0 };
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

/** TAX of one parcel: its basis from its mode and the order's CBEC standing, its amount from its lines. */
function checkParcelTax(ctx: VerifyContext, facts: ParcelFacts): number {
  const { order, parcel } = facts;
  const customs = ctx.index.network.customs;
  const standing = crossBorderStanding(customs, order.lines);
  // A cross-border parcel of an order over the limit is a VALUE_LIMIT violation already; it has no lawful tax to compare.
  if (standing === 'over_limit' && isCrossBorder(parcel.mode)) return parcel.taxMinor;
  const basis = taxBasis(parcel.mode, standing);
  const where = { order: order.id, parcel: parcel.id };
  if (parcel.taxBasis !== basis) {
    ctx.report({ rule: 'TAX', ...where, message: `parcel ${parcel.id}: taxBasis is ${parcel.taxBasis}, its mode and the order's value make it ${basis}`, expected: basis, found: parcel.taxBasis });
  }
  const taxMinor = parcelTaxMinor(customs, basis, facts.goods.lots);
  if (parcel.taxMinor !== taxMinor) {
    ctx.report({ rule: 'TAX', ...where, message: `parcel ${parcel.id}: taxMinor is ${parcel.taxMinor}, recomputed ${taxMinor} (${basis})`, expected: taxMinor, found: parcel.taxMinor });
  }
  return taxMinor;
}

/** A planned order's recomputed logistics cost and import tax. */
export interface OrderCharges {
  cost: CostBreakdown;
  taxMinor: number;
}

/** Checks every parcel of a planned order and the order itself; returns the order's recomputed charges. */
export function checkOrderCost(ctx: VerifyContext, answer: PlannedOrder, parcels: readonly ParcelFacts[]): OrderCharges {
  const orderCost = zeroCost();
  let taxMinor = 0;
  for (const facts of parcels) {
    const cost = parcelCost(ctx, facts);
    compareCost(ctx, `parcel ${facts.parcel.id}`, cost, facts.parcel.cost, { order: answer.order, parcel: facts.parcel.id });
    addCost(orderCost, cost);
    taxMinor += checkParcelTax(ctx, facts);
  }
  compareCost(ctx, `order ${answer.order}`, orderCost, answer.cost, { order: answer.order });
  if (answer.taxMinor !== taxMinor) {
    ctx.report({ rule: 'TAX', order: answer.order, message: `order ${answer.order}: taxMinor is ${answer.taxMinor}, its parcels' taxes add up to ${taxMinor}`, expected: taxMinor, found: answer.taxMinor });
  }
  return { cost: orderCost, taxMinor };
}
