// A parcel's own charges — the ones that do not depend on which other parcels share its
// departures: handling at every node it leaves and per-parcel lane fees. (Import tax is not
// logistics cost: assemble.ts states it beside the cost, src/tariff/tax.ts computes it.)
// The optimiser's objective and the assembled plan both use this one function, which is
// why the optimiser's cost equals the plan's total to the minor unit.
import type { NetworkIndex } from '../../domain/network-index.js';
import { must } from '../../domain/network-index.js';
import type { FulfilmentMode } from '../../domain/network.js';
import type { CostComponent } from '../../domain/plan.js';
import { laneCostComponent, parcelLaneCostMinor } from '../../tariff/index.js';

export type OwnCost = Record<CostComponent, number>;

export function parcelOwnCost(
  index: NetworkIndex,
  parcel: { mode: FulfilmentMode; legs: readonly { lane: string }[]; chargeableKg: number; valueMinor: number },
): OwnCost {
  const cost: OwnCost = { handling: 0, freight: 0, consolidation: 0, clearance: 0, lastMile: 0 };
  for (const leg of parcel.legs) {
    const lane = must(index.lanes, leg.lane, 'lane');
    cost.handling += must(index.nodes, lane.from, 'node').handlingPerParcelMinor;
    cost[laneCostComponent(lane)] += parcelLaneCostMinor(lane, parcel.chargeableKg);
  }
  return cost;
}

export function sumOwnCost(cost: OwnCost): number {
  return cost.handling + cost.freight + cost.consolidation + cost.clearance + cost.lastMile;
}
