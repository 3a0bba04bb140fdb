// Tariff: pure cost functions — chargeable weight, weight-break freight, ULD counts,
// consolidation costs (own or co-load) and their per-kg floor, per-parcel lane charges, cross-border tax, and exact allocation of
// charges over parcels. Every billed charge is rounded once, to a whole minor unit.
export { volumetricKg, chargeableKg, leastBillingDivisor, parcelChargeableKg, roundUpToHalfKg, STANDARD_VOLUMETRIC_DIVISOR } from './chargeable-weight.js';
export { weightBreakCostMinor, weightBreakChargeMinor } from './weight-breaks.js';
export { uldsNeeded, uldUtilisation } from './uld.js';
export {
  isConsolidating, consolidationCost, consolidationTotalAt, leastDepartureChargeMinor, consolidationTotalMinor, coLoadCost, ownConsolidationCost, type ConsolidationCost, type Shipping,
} from './consolidation.js';
export { parcelLaneCostMinor, laneCostComponent } from './parcel.js';
export { parcelTaxMinor } from './tax.js';
export { allocateMinor } from './allocate.js';
export { roundMinor } from './rounding.js';
export { perKgFloor } from './per-kg-floor.js';
export { ownLine, type OwnLine } from './own-line.js';
