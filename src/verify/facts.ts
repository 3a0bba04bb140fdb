// What the verifier recomputes about one planned parcel, gathered as the checks go.
import type { Order } from '../domain/orders.js';
import type { PlanParcel } from '../domain/plan.js';
import type { ItineraryFacts } from './itinerary.js';
import type { ParcelGoods } from './parcel-figures.js';

export interface ParcelFacts {
  readonly order: Order;
  readonly parcel: PlanParcel;
  /** Weight, volume and value from the order's lines. */
  readonly goods: ParcelGoods;
  readonly chargeableKg: number;
  readonly itinerary: ItineraryFacts;
  /** Its shares of its consolidations' freight, and of their fixed + ULD costs. */
  freightShareMinor: number;
  consolidationShareMinor: number;
}
