// The plan in a few figures: a plain object for JSON and logs (planSummary), and its rendering
// for a terminal (formatSummary). Money comes as integer minor units and as major-unit numbers.
import { COST_COMPONENTS, type CostComponent, type Plan, UnplannedReason } from '../domain/plan.js';
import { formatMinutes } from './duration.js';
import { formatMinor, minorToMajor } from './money.js';

export interface ComponentCost {
  minor: number;
  major: number;
  /** Share of the total cost, 0..1 (0 when the total is 0). */
  share: number;
}

/** Nearest-rank quantiles of the planned orders' slack, in whole minutes. */
export interface SlackDistribution {
  min: number;
  p10: number;
  median: number;
  p90: number;
}

export interface PlanSummary {
  currency: string;
  network: string;
  orders: number;
  planned: number;
  /** Unplanned orders by reason; only reasons that occur, in the reason enum's order. */
  unplanned: Partial<Record<UnplannedReason, number>>;
  unplannedTotal: number;
  parcels: number;
  legs: number;
  /** Total cost in major units (129.9 for 12990 minor). */
  totalCost: number;
  totalCostMinor: number;
  costByComponent: Record<CostComponent, ComponentCost>;
  /** Import taxes of the planned orders (paid by buyers, or at import for duty-paid stock): not logistics cost. */
  taxes: number;
  taxesMinor: number;
  /** The plan's lower bound in major units, or null. */
  lowerBound: number | null;
  lowerBoundMinor: number | null;
  /** (cost − bound) / cost, or null without a bound. */
  gap: number | null;
  consolidations: number;
  /** Consolidations shipped loose under a consolidator's rate (co-load): no MAWB or ULD of ours. */
  shippedLoose: number;
  ulds: number;
  /** Mean utilisation of the ULDs flown, weighted by each consolidation's ULD count; null when none. */
  averageUldUtilisation: number | null;
  /** Null when no order is planned. */
  slackMinutes: SlackDistribution | null;
  timeLimited: boolean;
  solver: string;
  elapsedMs: number;
  warnings: number;
}

export function planSummary(plan: Plan, options: { elapsedMs: number }): PlanSummary {
  const unplannedCounts = new Map<UnplannedReason, number>();
  const slacks: number[] = [];
  let parcels = 0;
  let legs = 0;
  for (const answer of plan.orders) {
    if (answer.status === 'unplanned') {
      unplannedCounts.set(answer.reason, (unplannedCounts.get(answer.reason) ?? 0) + 1);
      continue;
    }
    slacks.push(answer.slackMinutes);
    parcels += answer.parcels.length;
    for (const p of answer.parcels) legs += p.legs.length;
  }
  const unplanned: Partial<Record<UnplannedReason, number>> = {};
  for (const reason of UnplannedReason.options) {
    const n = unplannedCounts.get(reason);
    if (n !== undefined) unplanned[reason] = n;
  }

  const cost = plan.totals.cost;
  const costByComponent = {} as Record<CostComponent, ComponentCost>;
  for (const c of COST_COMPONENTS) {
    costByComponent[c] = { minor: cost[c], major: minorToMajor(cost[c]), share: cost.total === 0 ? 0 : cost[c] / cost.total };
  }

  let ulds = 0;
  let uldWeightedUtilisation = 0;
  for (const c of plan.consolidations) {
    ulds += c.ulds;
    uldWeightedUtilisation += c.utilisation * c.ulds;
  }
  const bound = plan.totals.lowerBoundMinor;

  return {
    currency: plan.currency,
    network: plan.network,
    orders: plan.orders.length,
    planned: slacks.length,
    unplanned,
    unplannedTotal: plan.orders.length - slacks.length,
    parcels,
    legs,
    totalCost: minorToMajor(cost.total),
    totalCostMinor: cost.total,
    costByComponent,
    taxes: minorToMajor(plan.totals.taxMinor),
    taxesMinor: plan.totals.taxMinor,
    lowerBound: bound === null ? null : minorToMajor(bound),
    lowerBoundMinor: bound,
    gap: plan.totals.gap,
    consolidations: plan.consolidations.length,
    shippedLoose: plan.consolidations.filter((c) => c.shipping === 'co_load').length,
    ulds,
    averageUldUtilisation: ulds === 0 ? null : uldWeightedUtilisation / ulds,
    slackMinutes: slackDistribution(slacks),
    timeLimited: plan.timeLimited,
    solver: plan.solver,
    elapsedMs: options.elapsedMs,
    warnings: plan.warnings.length,
  };
}

export function slackDistribution(values: readonly number[]): SlackDistribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: nearestRank(sorted, 0),
    p10: nearestRank(sorted, 0.1),
    median: nearestRank(sorted, 0.5),
    p90: nearestRank(sorted, 0.9),
  };
}

/**
 * The nearest-rank quantile of ascending `sorted`: the smallest value with at least a share q of
 * the values at or below it (rank ⌈q·n⌉, at least 1). Always an observed slack, never a blend
 * of two orders' figures, and the same on every machine.
 */
export function nearestRank(sorted: readonly number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length - 1e-9));
  const value = sorted[Math.min(rank, sorted.length) - 1];
  if (value === undefined) throw new RangeError('nearestRank: empty list');
  return value;
}

/** How a cost component is named to people (terminal summaries, comparisons). */
export const COMPONENT_LABEL: Record<CostComponent, string> = {
  handling: 'handling',
  freight: 'freight',
  consolidation: 'consolidation',
  clearance: 'clearance',
  lastMile: 'last mile',
};

/** A terminal summary: label/value lines aligned in two columns, amounts right-aligned. No colours. */
export function formatSummary(s: PlanSummary): string {
  const money = (minor: number): string => `${formatMinor(minor, { grouping: true })} ${s.currency}`;
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  const rows: [string, string][] = [];
  rows.push(['orders', `${s.orders}`]);
  rows.push(['planned', `${s.planned}`]);
  rows.push(['unplanned', `${s.unplannedTotal}`]);
  for (const [reason, n] of Object.entries(s.unplanned)) rows.push([`  ${reason}`, `${n}`]);
  rows.push(['parcels / legs', `${s.parcels} / ${s.legs}`]);
  rows.push(['logistics cost', money(s.totalCostMinor)]);
  for (const c of COST_COMPONENTS) {
    const part = s.costByComponent[c];
    rows.push([`  ${COMPONENT_LABEL[c]}`, `${money(part.minor)}  ${pct(part.share).padStart(7)}`]);
  }
  rows.push(['import taxes', `${money(s.taxesMinor)}  (buyers' CBEC tax; not logistics cost)`]);
  rows.push(['lower bound', s.lowerBoundMinor === null ? 'none' : money(s.lowerBoundMinor)]);
  rows.push(['gap', s.gap === null ? 'n/a' : `${(s.gap * 100).toFixed(2)} %`]);
  const ulds = `${s.ulds} ULD${s.ulds === 1 ? '' : 's'}`;
  rows.push(['consolidations', `${s.consolidations} (${s.shippedLoose > 0 ? `${s.shippedLoose} shipped loose, ` : ''}${ulds})`]);
  rows.push(['ULD utilisation', s.averageUldUtilisation === null ? 'n/a' : `${pct(s.averageUldUtilisation)} average`]);
  rows.push([
    'SLA slack',
    s.slackMinutes === null
      ? 'n/a'
      : `min ${formatMinutes(s.slackMinutes.min)}, p10 ${formatMinutes(s.slackMinutes.p10)}, ` +
        `median ${formatMinutes(s.slackMinutes.median)}, p90 ${formatMinutes(s.slackMinutes.p90)}`,
  ]);
  rows.push(['solver', `${s.solver}${s.timeLimited ? ' (stopped at the time limit)' : ''}`]);
  rows.push(['elapsed', `${(s.elapsedMs / 1000).toFixed(2)} s`]);
  if (s.warnings > 0) rows.push(['warnings', `${s.warnings}`]);
  return alignRows(rows);
}

/** Two columns; the value column's amounts right-aligned when they start with a digit or sign. */
function alignRows(rows: readonly [string, string][]): string {
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  // Right-align money lines on their amount so the decimal points line up.
  const amountWidth = Math.max(0, ...rows.map(([, v]) => amountPart(v)?.length ?? 0));
  return rows
    .map(([label, value]) => {
      const amount = amountPart(value);
      const shown = amount === undefined ? value : amount.padStart(amountWidth) + value.slice(amount.length);
      return `${label.padEnd(labelWidth)}  ${shown}`.trimEnd();
    })
    .join('\n')
    .concat('\n');
}

/** The leading amount of a money value ("1,234.50" of "1,234.50 CNY  12.0 %"), else undefined. */
function amountPart(value: string): string | undefined {
  const m = /^-?[\d,]+\.\d{2}(?= [A-Z]{3})/.exec(value);
  return m?.[0];
}
