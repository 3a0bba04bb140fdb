// A comparison of plans of one batch side by side (the base network and each scenario): the
// same figures for each column, as rows of plain numbers (JSON, CSV) and as a terminal table.
// Pure: the plans and the batch in, the table out; the figures come from planSummary so a
// column says exactly what `xbroute plan` says of that plan.
import { COST_COMPONENTS, type Plan, UnplannedReason } from '../domain/plan.js';
import type { Order } from '../domain/orders.js';
import { toCsv } from '../io/csv.js';
import { formatMinor } from '../output/money.js';
import { COMPONENT_LABEL, planSummary } from '../output/summary.js';
import { alignColumns } from '../output/text-table.js';
import { parseInstant } from '../time/index.js';

/** `count`: orders, parcels…; `minor`: money in minor units of the currency; `hours`: a duration, to 0.1 h. */
export type ComparisonUnit = 'count' | 'minor' | 'hours';

export interface ComparisonRow {
  /** A stable key for machines: `cost.freight`, `unplanned.NO_STOCK`, `parcels.port.CP-PVG`. */
  metric: string;
  /** The terminal label (indented under its total). */
  label: string;
  unit: ComparisonUnit;
  /** One per column, in the columns' order; null where the figure does not exist (no planned order). */
  values: (number | null)[];
}

export interface Comparison {
  currency: string;
  /** Column names: "base" first, then each scenario's name. */
  columns: string[];
  rows: ComparisonRow[];
}

export interface ComparedPlan {
  name: string;
  plan: Plan;
}

/** The parcels that cross no clearance port on their way (bonded, general trade: cleared before stocking). */
const NO_PORT = 'none';

export function comparePlans(columns: readonly ComparedPlan[], orders: readonly Order[]): Comparison {
  const first = columns[0];
  if (first === undefined) throw new RangeError('comparePlans: no plan to compare');
  const summaries = columns.map((c) => planSummary(c.plan, { elapsedMs: 0 }));
  const ports = columns.map((c) => parcelsPerPort(c.plan));
  const createdMs = new Map(orders.map((o) => [o.id, parseInstant(o.createdAt)]));
  const rows: ComparisonRow[] = [];
  const row = (metric: string, label: string, unit: ComparisonUnit, values: (number | null)[]): void => {
    rows.push({ metric, label, unit, values });
  };

  row('orders', 'orders', 'count', summaries.map((s) => s.orders));
  row('planned', 'planned', 'count', summaries.map((s) => s.planned));
  row('unplanned', 'unplanned', 'count', summaries.map((s) => s.unplannedTotal));
  for (const reason of UnplannedReason.options) {
    if (summaries.some((s) => (s.unplanned[reason] ?? 0) > 0)) {
      row(`unplanned.${reason}`, `  ${reason}`, 'count', summaries.map((s) => s.unplanned[reason] ?? 0));
    }
  }
  row('cost.total', 'logistics cost', 'minor', summaries.map((s) => s.totalCostMinor));
  for (const c of COST_COMPONENTS) row(`cost.${c}`, `  ${COMPONENT_LABEL[c]}`, 'minor', summaries.map((s) => s.costByComponent[c].minor));
  row('taxes', 'import taxes (not logistics)', 'minor', summaries.map((s) => s.taxesMinor));
  row('parcels', 'parcels', 'count', summaries.map((s) => s.parcels));
  // Ports in id order, then the parcels that cross none.
  const portIds = [...new Set(ports.flatMap((p) => [...p.keys()]))].sort((a, b) => (a === NO_PORT ? 1 : b === NO_PORT ? -1 : a < b ? -1 : 1));
  for (const port of portIds) {
    row(`parcels.port.${port}`, port === NO_PORT ? '  via no port (bonded, domestic)' : `  via ${port}`, 'count', ports.map((p) => p.get(port) ?? 0));
  }
  row('consolidations', 'consolidations', 'count', summaries.map((s) => s.consolidations));
  row('consolidations.shipped_loose', '  shipped loose', 'count', summaries.map((s) => s.shippedLoose));
  row('lead_time.mean', 'mean lead time', 'hours', columns.map((c) => meanLeadHours(c.plan, createdMs)));
  return { currency: first.plan.currency, columns: columns.map((c) => c.name), rows };
}

/** Parcels by the clearance port they are cleared at (the `to` of their clearance leg). */
function parcelsPerPort(plan: Plan): Map<string, number> {
  const counts = new Map<string, number>();
  for (const answer of plan.orders) {
    if (answer.status !== 'planned') continue;
    for (const parcel of answer.parcels) {
      const port = parcel.legs.find((leg) => leg.mode === 'clearance')?.to ?? NO_PORT;
      counts.set(port, (counts.get(port) ?? 0) + 1);
    }
  }
  return counts;
}

/** Mean time from an order's creation to its delivery (its last parcel), hours to 0.1; null with no planned order. */
function meanLeadHours(plan: Plan, createdMs: ReadonlyMap<string, number>): number | null {
  let totalMs = 0;
  let n = 0;
  for (const answer of plan.orders) {
    if (answer.status !== 'planned') continue;
    const created = createdMs.get(answer.order);
    if (created === undefined) throw new RangeError(`comparePlans: order "${answer.order}" of the plan is not in the batch`);
    totalMs += parseInstant(answer.deliveredAt) - created;
    n += 1;
  }
  return n === 0 ? null : Math.round(totalMs / n / 360_000) / 10;
}

function cell(value: number | null, unit: ComparisonUnit, grouping: boolean): string {
  if (value === null) return grouping ? 'n/a' : '';
  switch (unit) {
    case 'minor':
      return formatMinor(value, { grouping });
    case 'hours':
      return value.toFixed(1);
    case 'count':
      return grouping ? value.toLocaleString('en-US') : String(value);
  }
}

/** The terminal table: one line per figure, one column per plan, amounts right-aligned. */
export function formatComparison(comparison: Comparison): string {
  const unitLabel = (unit: ComparisonUnit): string => (unit === 'minor' ? comparison.currency : unit === 'hours' ? 'h' : '');
  const body = comparison.rows.map((r) => [r.label, unitLabel(r.unit), ...r.values.map((v) => cell(v, r.unit, true))]);
  const header = ['', '', ...comparison.columns];
  // Right-align the figures: pad each to its column's widest cell from the left.
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const right = (row: string[]): string[] => row.map((c, i) => (i < 2 ? c : c.padStart(widths[i] ?? 0)));
  return `${alignColumns([right(header), ...body.map(right)]).join('\n')}\n`;
}

/** The CSV form: `metric,unit,<column>…`; money in major units with two decimals, never grouped. */
export function comparisonToCsv(comparison: Comparison): string {
  const unitName = (unit: ComparisonUnit): string => (unit === 'minor' ? comparison.currency : unit);
  return toCsv(
    ['metric', 'unit', ...comparison.columns],
    comparison.rows.map((r) => [r.metric, unitName(r.unit), ...r.values.map((v) => cell(v, r.unit, false))]),
  );
}
