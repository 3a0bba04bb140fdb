// CUSTOMS_CROSSING: how each fulfilment mode meets Chinese customs, leg by leg. Every lane must
// be one customs allows at all (laneCustomsProblem, src/domain/customs.ts). A direct-mail
// parcel is imported at a clearance port: exactly one clearance leg, from an airport into a
// clearance port. A bonded parcel leaves its bonded warehouse either released straight to
// delivery or cleared once at a port, from the bonded warehouse (1210). A general-trade parcel
// is duty-paid domestic goods: no clearance leg, and no node on the abroad side of customs
// (customsSide) or outside the destination's country. The same steps decide which lanes the
// verifier's own route search may take for a mode (routes.ts), so unplanned answers are judged
// by the same rule.
import { customsSide, laneCustomsProblem } from '../domain/customs.js';
import type { FulfilmentMode, Lane } from '../domain/network.js';
import type { Order } from '../domain/orders.js';
import type { PlanParcel } from '../domain/plan.js';
import type { VerifyContext } from './context.js';
import type { ItineraryFacts } from './itinerary.js';

/** Where a parcel stands with customs on its way: not yet cleared, or cleared at a port. */
export type CustomsState = 'uncleared' | 'cleared';

/** Which node kind a mode's clearance leg leaves from (none: the mode never clears at a port). */
const CLEARS_FROM: Record<FulfilmentMode, string | null> = {
  direct_mail: 'airport',
  bonded: 'bonded_warehouse',
  general_trade: null,
};

/** The domain's lane rule: why customs forbids this lane whatever rides it, or null. */
export function laneProblem(ctx: VerifyContext, lane: Lane): string | null {
  const from = ctx.index.nodes.get(lane.from);
  const to = ctx.index.nodes.get(lane.to);
  if (from === undefined || to === undefined) return `lane ${lane.id} ends at a node the network lacks`;
  return laneCustomsProblem(from.kind, to.kind, lane.mode);
}

/**
 * The state after a parcel of `mode` bound for `destinationCountry` takes `lane` in `state`,
 * or the reason it may not take it.
 */
export function customsStep(
  ctx: VerifyContext,
  mode: FulfilmentMode,
  destinationCountry: string | undefined,
  lane: Lane,
  state: CustomsState,
): { state: CustomsState } | { problem: string } {
  const problem = laneProblem(ctx, lane);
  if (problem !== null) return { problem };
  const from = ctx.index.nodes.get(lane.from);
  const to = ctx.index.nodes.get(lane.to);
  if (lane.mode === 'clearance') {
    const clearsFrom = CLEARS_FROM[mode];
    if (clearsFrom === null) return { problem: `a ${mode} parcel clears no customs, but lane ${lane.id} is a clearance lane` };
    if (state === 'cleared') return { problem: `lane ${lane.id} clears the parcel a second time` };
    if (from?.kind !== clearsFrom || to?.kind !== 'clearance_port') {
      return { problem: `a ${mode} parcel clears from a ${clearsFrom} into a clearance port, but clearance lane ${lane.id} runs ${from?.kind ?? '?'} → ${to?.kind ?? '?'}` };
    }
    return { state: 'cleared' };
  }
  if (mode === 'general_trade') {
    const abroad = [from, to].find(
      (node) => node !== undefined && (customsSide(node.kind) === 'abroad' || (destinationCountry !== undefined && node.country !== destinationCountry)),
    );
    if (abroad !== undefined) return { problem: `a general-trade parcel stays on the domestic side, but lane ${lane.id} touches ${abroad.id} (${abroad.kind}, ${abroad.country})` };
  }
  return { state };
}

/** Whether a parcel of `mode` in `state` has met customs when it reaches its zone. */
export function customsDone(mode: FulfilmentMode, state: CustomsState): boolean {
  return mode !== 'direct_mail' || state === 'cleared';
}

/** CUSTOMS_CROSSING for one planned parcel (unknown lanes are UNKNOWN_LANE's, skipped here). */
export function checkCustomsCrossing(ctx: VerifyContext, order: Order, parcel: PlanParcel, itinerary: ItineraryFacts): void {
  const where = { order: order.id, parcel: parcel.id };
  const country = ctx.index.nodes.get(order.destination)?.country;
  let state: CustomsState = 'uncleared';
  itinerary.lanes.forEach((lane, i) => {
    if (lane === undefined) return;
    const step = customsStep(ctx, parcel.mode, country, lane, state);
    if ('problem' in step) {
      const departureMs = itinerary.departuresMs[i] ?? null;
      ctx.report({
        rule: 'CUSTOMS_CROSSING',
        ...where,
        ...(departureMs === null ? {} : { departure: ctx.departureLabel(lane, departureMs) }),
        message: `parcel ${parcel.id} (${parcel.mode}) leg ${i} (${lane.id}): ${step.problem}`,
        found: lane.id,
      });
      return;
    }
    state = step.state;
  });
  if (!customsDone(parcel.mode, state) && itinerary.lanes.every((lane) => lane !== undefined)) {
    ctx.report({
      rule: 'CUSTOMS_CROSSING',
      ...where,
      message: `parcel ${parcel.id} is direct mail, but no leg clears it at a clearance port (airport → clearance port)`,
      expected: 'one clearance leg',
      found: 0,
    });
  }
}
