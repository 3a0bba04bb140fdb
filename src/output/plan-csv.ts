// The plan as CSV for spreadsheets: one row per parcel leg, plus one row per unplanned order.
//
// Columns (PLAN_CSV_HEADER):
//   order, status                 the order and "planned" / "unplanned"
//   parcel, leg                   the parcel id and the leg's 1-based number within the parcel
//   source, mode                  the parcel's source node and fulfilment mode
//   lane, lane_mode, from, to     the leg's lane, its mode and its end nodes
//   departure, arrival            local ISO 8601 times with the offset of `from` / `to`, as in the plan
//   consolidation                 the consolidation (departure) the leg rides in, if any
//   chargeable_kg                 the parcel's chargeable weight, on every leg row (a pivot of
//                                 weight by lane is then a plain sum)
//   cost_handling … cost_last_mile, the parcel's logistics cost breakdown and total in major
//   cost_total                    units ("129.90"), on the parcel's FIRST leg row only, empty on
//                                 its other legs, so a column sum is the plan's total and nothing
//                                 is counted twice
//   tax, tax_basis                the parcel's import tax (not logistics cost) and why
//                                 (cbec_reduced / cbec_full / duty_paid), first leg row only
//   reason, message               unplanned rows only: the reason code and the planner's sentence
// Unplanned rows fill order, status, reason and message and leave the leg columns empty.
// Rows follow the plan's order of orders, parcels and legs.
import { COST_COMPONENTS, type CostBreakdown, type Plan } from '../domain/plan.js';
import { toCsv, type CsvValue } from '../io/csv.js';
import { formatMinor } from './money.js';

/** The CSV cost column of each cost component, in COST_COMPONENTS order. */
const COST_COLUMNS: Record<(typeof COST_COMPONENTS)[number], string> = {
  handling: 'cost_handling',
  freight: 'cost_freight',
  consolidation: 'cost_consolidation',
  clearance: 'cost_clearance',
  lastMile: 'cost_last_mile',
};

export const PLAN_CSV_HEADER: readonly string[] = [
  'order', 'status', 'parcel', 'leg', 'source', 'mode', 'lane', 'lane_mode', 'from', 'to', 'departure', 'arrival',
  'consolidation', 'chargeable_kg', ...COST_COMPONENTS.map((c) => COST_COLUMNS[c]), 'cost_total', 'tax', 'tax_basis',
  'reason', 'message',
];

/** Number of cells in the cost and tax columns (components + total + tax + basis). */
const COST_CELLS = COST_COMPONENTS.length + 3;

/**
 * One row per parcel leg and one per unplanned order, under PLAN_CSV_HEADER. The parcel-level
 * cost sits on the parcel's first leg row and is empty on its other legs (see the banner).
 */
export function planToCsv(plan: Plan): string {
  const rows: CsvValue[][] = [];
  for (const answer of plan.orders) {
    if (answer.status === 'unplanned') {
      rows.push([answer.order, answer.status, ...blank(12), ...blank(COST_CELLS), answer.reason, answer.message]);
      continue;
    }
    for (const parcel of answer.parcels) {
      parcel.legs.forEach((leg, i) => {
        rows.push([
          answer.order, answer.status, parcel.id, i + 1, parcel.source, parcel.mode,
          leg.lane, leg.mode, leg.from, leg.to, leg.departure, leg.arrival,
          leg.consolidation ?? '', parcel.chargeableKg,
          ...(i === 0 ? [...costCells(parcel.cost), formatMinor(parcel.taxMinor), parcel.taxBasis] : blank(COST_CELLS)),
          '', '',
        ]);
      });
    }
  }
  return toCsv(PLAN_CSV_HEADER, rows);
}

function costCells(cost: CostBreakdown): string[] {
  return [...COST_COMPONENTS.map((c) => formatMinor(cost[c])), formatMinor(cost.total)];
}

function blank(n: number): string[] {
  return Array.from({ length: n }, () => '');
}
