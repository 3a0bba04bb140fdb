// The verifier's vocabulary: every rule a plan can break, what each one checks, and the
// shape of one violation. The table is the specification; the checks cite rules by name.
//
// Money is compared EXACTLY: every charge is an integer of minor units, rounded where it is
// billed (src/domain/plan.ts), so a plan and its recomputation agree to the unit or the plan
// is wrong. Kilograms and cubic metres compare with a relative tolerance of 1e-6 (they are
// float sums of unit figures and may be added in another order); the gap with 1e-9.
//
// | rule                    | what is checked                                                                        | names                         |
// |-------------------------|----------------------------------------------------------------------------------------|-------------------------------|
// | SCHEMA                  | the plan parses with the `Plan` schema; every instant in it is a real instant          | path in message               |
// | CURRENCY                | plan.currency is the network's currency                                                | —                             |
// | ORDER_MISSING           | an order of the batch has no answer in the plan                                        | order                         |
// | ORDER_DUPLICATED        | an order has more than one answer (planned twice, or planned and unplanned)            | order                         |
// | ORDER_UNKNOWN           | the plan answers an order id that is not in the batch                                  | order                         |
// | DUPLICATE_ID            | two parcels, or two consolidations, share an id                                        | parcel / consolidation        |
// | PARCEL_LINES            | the parcels' lines of an order add up, per SKU, exactly to the order's lines           | order, sku                    |
// | PARCEL_FIGURES          | a parcel's weightKg, volumeM3, chargeableKg, valueMinor match its lines                | order, parcel                 |
// | SOURCE_MODE             | the source node exists, its kind fits the parcel's mode (SOURCE_KIND), and the         | order, parcel, node           |
// |                         | order's service level offers that mode                                                 |                               |
// | SOURCE_NOT_ALLOWED      | the source is in the order's allowedSources (when the order lists any)                 | order, parcel, node           |
// | VALUE_LIMIT             | cross-border modes only for orders worth ≤ customs.crossBorderOrderLimitMinor, or one  | order, parcel                 |
// |                         | single item within customs.annualLimitMinor (domain/customs.ts crossBorderStanding)    |                               |
// | STOCK_OVERDRAWN         | Σ qty over all planned parcels per (source node, SKU) ≤ stock                          | node, sku                     |
// | UNKNOWN_LANE            | a leg's or consolidation's lane exists in the network                                  | order, parcel / consolidation |
// | WRONG_ENDPOINTS         | leg from/to equal the lane's; first leg starts at the parcel source; last leg ends at  | order, parcel                 |
// |                         | the order's destination                                                                |                               |
// | LEG_MODE                | a leg's mode is its lane's mode                                                        | order, parcel                 |
// | LEG_DISCONNECTED        | a leg starts where the previous one ended, and departs no earlier than it arrived      | order, parcel, departure      |
// | NO_SUCH_DEPARTURE       | a leg's (or consolidation's) departure is a real dated departure of its lane           | order, parcel, departure      |
// | WRONG_ARRIVAL           | a leg's arrival is the arrival of that real departure                                  | order, parcel, departure      |
// | CUTOFF_MISSED           | ready at the origin (order createdAt for the first leg, else the previous arrival,     | order, parcel, departure      |
// |                         | plus the node's handling) ≤ departure − cut-off (weekly lanes) / ≤ departure (others)  |                               |
// | DELIVERED_AT            | parcel deliveredAt = last leg's arrival; order deliveredAt = its latest parcel's       | order, parcel                 |
// | DEADLINE                | a planned order's deadline is orderDeadlineMs; so is an unplanned answer's, when it    | order                         |
// |                         | states one (one it states for an order without a computable deadline is wrong too)    |                               |
// | SLACK                   | slackMinutes is within one minute of deadline − deliveredAt (rounding is the planner's) | order                         |
// | LATE_DELIVERY           | delivered (the true last arrival) ≤ the order's deadline                               | order, parcel                 |
// | LOCAL_OFFSET            | each instant carries the UTC offset of its place (leg departure: from; arrival: to;    | order, parcel, consolidation  |
// |                         | deliveredAt and deadline: the destination)                                             |                               |
// | CUSTOMS_CROSSING        | per parcel leg: the lane passes laneCustomsProblem (src/domain/customs.ts);            | order, parcel, departure      |
// |                         | direct_mail: exactly one clearance leg, airport → clearance port; bonded: released    |                               |
// |                         | (no clearance leg) or cleared once, bonded warehouse → clearance port (its source is  |                               |
// |                         | SOURCE_MODE's); general_trade: no clearance leg, no node on the abroad side           |                               |
// |                         | (customsSide) or outside the destination zone's country                               |                               |
// | CONSOLIDATION           | a leg on a consolidating lane names a consolidation of that lane and departure that    | order, parcel, consolidation  |
// |                         | lists the parcel, and vice versa; consolidations only on consolidating lanes; its       |                               |
// |                         | weightKg/volumeM3/chargeableKg/utilisation match its parcels; no ULDs without a type  |                               |
// | SHIPPING                | a consolidation ships the way consolidationCost gives for its load (own MAWB, or       | consolidation, departure      |
// |                         | co_load when the lane offers it and it is cheaper or our allotment cannot take it);   |                               |
// |                         | a co_load one books 0 ULDs, utilisation 0; its costs are checked on the way it states |                               |
// | ULDS_TOO_FEW            | a consolidation's ulds ≥ uldsNeeded(lane.uld, weight, volume)                          | consolidation, departure      |
// | ULDS_TOO_MANY           | own shipping: ulds ≤ uldsNeeded — strict, an extra ULD is paid for nothing and        | consolidation, departure      |
// |                         | takes a slot of the departure's allotment                                              |                               |
// | ULD_OVERLOADED          | weight ≤ ulds × uld.maxKg and volume ≤ ulds × uld.maxM3 (usually fires with the above) | consolidation, departure      |
// | DEPARTURE_OVER_CAPACITY | Σ ulds of the consolidations on one (lane, departure) ≤ lane.maxUldsPerDeparture       | departure                     |
// | PORT_OVER_CAPACITY      | parcels whose clearance leg into a port starts on one local date ≤ dailyParcelCapacity | node                          |
// | COST_COMPONENT          | each cost component of a parcel, an order or a consolidation equals its recomputation  | order, parcel / consolidation |
// | COST_TOTAL              | a parcel's or order's cost.total equals its recomputed total                           | order, parcel                 |
// | TAX                     | a parcel's taxBasis (taxBasis(mode, standing)) and taxMinor (parcelTaxMinor over its   | order, parcel                 |
// |                         | lines' categories); an order's taxMinor = Σ its parcels'                               |                               |
// | TOTALS                  | plan.totals: order count, planned count, unplanned count per reason, cost by component,| —                             |
// |                         | taxMinor                                                                               |                               |
// | LOWER_BOUND             | lowerBoundMinor is an integer ≥ 0 (SCHEMA) and ≤ the recomputed total cost; gap =      | —                             |
// |                         | (cost − bound) / cost recomputed, within 1e-9 (0 for a free plan); bound null ⇔ gap    |                               |
// |                         | null                                                                                   |                               |
// | LOWER_BOUND_CERTIFICATE | a bound above 0 has a boundCertificate, and the verifier re-derives it (lower-bound.ts):| lane in message               |
// |                         | per certificate lane, capKg ≥ the lane's potential load (the most weight of bounded    |                               |
// |                         | orders whose windows — creation to deadline less the least time from the lane's end    |                               |
// |                         | to the zone — overlap, from sources reaching it) and perKgMinor ≤ the lane's per-kg    |                               |
// |                         | floor up to capKg; then per bounded order (planned, not `unbounded`) its floor — the   |                               |
// |                         | least over splits of its lines into parcels from allowed sources holding them (input   |                               |
// |                         | stock) and over itineraries meeting its deadline (own search, customs steps, no leg    |                               |
// |                         | limit) of Σ handling + parcel fee at the weight rounded up to 0.5 kg + max(0, rate·w   |                               |
// |                         | − ½), w actual — on a lane of `laneShares` instead the least of max(0, c·w − ½) + the  |                               |
// |                         | parcel's lines' shares and max(0, p·w − ½) (c own rate at the cap, p co-load rate),    |                               |
// |                         | where each such lane is consolidating and listed once, its fixedMinor ≤ MAWB fee + one |                               |
// |                         | ULD, each share on a line of a bounded order, and the shares open at one instant (the  |                               |
// |                         | same windows) ≤ fixedMinor; a parcel drawing a SKU at a node of `stockPrices` pays     |                               |
// |                         | price × qty on top, and Σ price × input stock held is taken off the sum (any prices    |                               |
// |                         | ≥ 0 are valid); per `originMinimums` origin (once) its witness is a bounded order with |                               |
// |                         | no routing once the origin's consolidating lanes are forbidden, those lanes cost their |                               |
// |                         | handling and parcel fee only, and the sum gains their least departure charge;          |                               |
// |                         | floorsMinor ≤ that sum and lowerBoundMinor ≤ ⌊it⌋                                      |                               |
// |                         | (1e-12 relative, float sums)                                                           |                               |
// | REASON_NO_STOCK         | some line can be drawn from no allowed source* after the plan's draws; the SKU named   | order                         |
// |                         | in `field`, if any, is the order's and is one of those                                 |                               |
// | REASON_OVER_VALUE_LIMIT | crossBorderStanding is over_limit (not within it, not a single item); the level offers | order                         |
// |                         | a cross-border mode (else the limit removed nothing); and it offers no general_trade, |                               |
// |                         | or no allowed domestic warehouse holds the lines after the plan's draws               |                               |
// | REASON_NO_ROUTE         | no route over lanes its mode may use (as CUSTOMS_CROSSING) from an allowed source*    | order                         |
// |                         | still holding the lines after the plan's draws to the destination (a zone; else not   |                               |
// |                         | judged)                                                                                |                               |
// | REASON_SLA_INFEASIBLE   | the order has a deadline; earliestDelivery is stated and after it; no allowed source* | order                         |
// |                         | that still holds the lines reaches the zone by the deadline; earliestDelivery is not  |                               |
// |                         | before the earliest any delivery can be (max over lines of the earliest arrival from   |                               |
// |                         | a source* holding the line) nor after the earliest arrival of a source* that still    |                               |
// |                         | holds the whole order. Arrivals: the verifier's own search (routes.ts) from createdAt |                               |
// |                         | (rounded up to its second) over real departures, handling included; compared to the   |                               |
// |                         | second (plans write whole seconds)                                                     |                               |
// | REASON_CAPACITY         | the order has a deadline; every line has an allowed source* holding it (input stock)  | order                         |
// |                         | that reaches the zone in time on empty departures; and no single allowed source that  |                               |
// |                         | still holds the whole order reaches it in time using only departures with ULD room    |                               |
// |                         | (a new consolidation or joining one within maxUldsPerDeparture, ULDs as               |                               |
// |                         | consolidationCost ships the load: co-load books none) and port days with              |                               |
// |                         | parcels to spare. Not searched: routings that fit only as a split into several parcels |                               |
// | REASON_INVALID_ORDER    | `field` is destination (not a zone), serviceLevel (not in the network), allowedSources | order                         |
// |                         | (a node that stocks nothing) or deliverBy (before createdAt), and is invalid so; any   |                               |
// |                         | other field, or none, is rejected                                                      |                               |
// | REASON_TIME_LIMIT       | the plan is marked timeLimited (the run stopped before examining the order; where the  | order                         |
// |                         | clock stopped is not recomputable, only that the plan says it stopped)                 |                               |
// | BOOKED_CHANGED          | (a re-plan, given the previous plan and its booked ids) every booked consolidation no  | consolidation, parcel, order  |
// |                         | disruption touched — none of its parcels has a leg whose departure is no longer real  |                               |
// |                         | (closed) or clears on a port-day whose capacity is now below the network's — is in    |                               |
// |                         | the plan under the same id, lane and departure, and lists every parcel it had; each   |                               |
// |                         | of those parcels is in the plan, planned, with the same source, mode, lines and legs   |                               |
// | UNCHECKABLE             | the verifier could not evaluate part of the plan (an exception from the time or tariff | order                         |
// |                         | model); never silent, the plan fails                                                   |                               |
//
// * An allowed source of an order: a node of the kind of a mode that its service level offers
//   (every mode without a level) and its customs standing leaves (modesAllowed: over the limit,
//   general trade only), listed in its allowedSources when it lists any. Stock is drawn a whole line from one
//   node; a reason is rejected only on a draw the verifier exhibits (lines largest first, each
//   from the first node with its units left), so a reason it cannot disprove stands.
// Shared code: the domain (types, SOURCE_KIND, measures), the time model (departures, handling,
// deadlines) and the tariff functions. Not src/graph: its itinerary search is the planner's,
// and the verifier's answers about routes come from its own search (routes.ts).
//
// How costs are recomputed (all integers, minor units):
// - handling: Σ handlingPerParcelMinor of the nodes the parcel leaves (source and each intermediate node);
// - every leg: parcelLaneCostMinor(lane, parcel chargeableKg) into laneCostComponent(lane);
// - each consolidation: consolidationCost(lane, Σ parcel weight, Σ parcel volume) — the cheaper of own
//   and co-load (a co-load's charge is its freightMinor, no fixed or ULD charge); its freightMinor is
//   shared into the parcels' freight, fixedMinor + uldMinor into their consolidation component, both with
//   allocateMinor(·, parcels' chargeableKg in the consolidation's parcel order);
// - tax (not a cost component): parcelTaxMinor(customs, basis, the parcel's lines) — the reduced CBEC
//   rate inside the limits, the full rate for a single item over the per-order limit, 0 for general trade.
// A parcel's chargeableKg uses the volumetric divisor of its first air lane (6000, the air-cargo default,
// when it flies none).

export type VerifyRule =
  | 'SCHEMA'
  | 'CURRENCY'
  | 'ORDER_MISSING'
  | 'ORDER_DUPLICATED'
  | 'ORDER_UNKNOWN'
  | 'DUPLICATE_ID'
  | 'PARCEL_LINES'
  | 'PARCEL_FIGURES'
  | 'SOURCE_MODE'
  | 'SOURCE_NOT_ALLOWED'
  | 'VALUE_LIMIT'
  | 'STOCK_OVERDRAWN'
  | 'UNKNOWN_LANE'
  | 'WRONG_ENDPOINTS'
  | 'LEG_MODE'
  | 'LEG_DISCONNECTED'
  | 'NO_SUCH_DEPARTURE'
  | 'WRONG_ARRIVAL'
  | 'CUTOFF_MISSED'
  | 'DELIVERED_AT'
  | 'DEADLINE'
  | 'SLACK'
  | 'LATE_DELIVERY'
  | 'LOCAL_OFFSET'
  | 'CUSTOMS_CROSSING'
  | 'CONSOLIDATION'
  | 'ULDS_TOO_FEW'
  | 'ULDS_TOO_MANY'
  | 'ULD_OVERLOADED'
  | 'DEPARTURE_OVER_CAPACITY'
  | 'PORT_OVER_CAPACITY'
  | 'SHIPPING'
  | 'COST_COMPONENT'
  | 'COST_TOTAL'
  | 'TAX'
  | 'TOTALS'
  | 'LOWER_BOUND'
  | 'LOWER_BOUND_CERTIFICATE'
  | 'REASON_NO_STOCK'
  | 'REASON_OVER_VALUE_LIMIT'
  | 'REASON_NO_ROUTE'
  | 'REASON_SLA_INFEASIBLE'
  | 'REASON_CAPACITY'
  | 'REASON_INVALID_ORDER'
  | 'REASON_TIME_LIMIT'
  | 'BOOKED_CHANGED'
  | 'UNCHECKABLE';

/** One broken rule, located precisely enough to find the bug in the planner that made it. */
export interface Violation {
  rule: VerifyRule;
  order?: string;
  parcel?: string;
  consolidation?: string;
  /** Printable departure id: `${laneId}@${local ISO departure at lane.from}`. */
  departure?: string;
  /** The node concerned (stock, port capacity, sourcing). */
  node?: string;
  sku?: string;
  message: string;
  expected?: string | number;
  found?: string | number;
}

export interface VerifyResult {
  /** True exactly when there is no violation. */
  ok: boolean;
  violations: Violation[];
  /** The plan's total cost as recomputed from the inputs (Σ recomputed planned-order costs). */
  recomputedCostMinor: number;
}
