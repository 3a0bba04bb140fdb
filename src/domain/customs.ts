// China's cross-border e-commerce (CBEC) retail-import rules, as the planner and the verifier
// both need them: which fulfilment modes cross the border, which orders may use them (the
// per-order limit and the single-item exception), which lanes a parcel must take to enter the
// customs territory, and what tax a parcel carries and who pays it. One rule, one place: the
// optimiser and src/verify import these functions; neither restates them. Basis: see
// docs/DOMAIN.md (Cai Guan Shui [2016] No. 18 and [2018] No. 49; GAC announcements on 9610/1210).
import type { Customs, FulfilmentMode, LaneMode, NodeKind } from './network.js';
import type { OrderLine } from './orders.js';
import type { TaxBasis } from './plan.js';

export type { TaxBasis };

/** Modes that import goods through CBEC: direct mail (9610) and bonded (1210). */
export const CROSS_BORDER_MODES: ReadonlySet<FulfilmentMode> = new Set<FulfilmentMode>(['direct_mail', 'bonded']);

export function isCrossBorder(mode: FulfilmentMode): boolean {
  return CROSS_BORDER_MODES.has(mode);
}

/** Customs codes of the CBEC modes, for declarations and documents. */
export const CUSTOMS_CODE: Record<FulfilmentMode, string | null> = {
  direct_mail: '9610',
  bonded: '1210',
  general_trade: null,
};

/**
 * How an order stands against the CBEC value limits:
 * - `within_limit`: value ≤ the per-order limit — CBEC at the reduced rates;
 * - `single_item`: over the per-order limit but one indivisible item (one line, quantity 1)
 *   within the annual limit — CBEC allowed, taxed in full at the general-trade rates;
 * - `over_limit`: CBEC not allowed; only general trade can serve it.
 */
export type CrossBorderStanding = 'within_limit' | 'single_item' | 'over_limit';

export function orderValueMinor(lines: readonly Pick<OrderLine, 'qty' | 'unitValueMinor'>[]): number {
  let value = 0;
  for (const line of lines) value += line.unitValueMinor * line.qty;
  return value;
}

export function crossBorderStanding(
  customs: Customs,
  lines: readonly Pick<OrderLine, 'qty' | 'unitValueMinor'>[],
): CrossBorderStanding {
  const value = orderValueMinor(lines);
  if (value <= customs.crossBorderOrderLimitMinor) return 'within_limit';
  const only = lines.length === 1 ? lines[0] : undefined;
  if (only !== undefined && only.qty === 1 && only.unitValueMinor <= customs.annualLimitMinor) return 'single_item';
  return 'over_limit';
}

/** The modes of a service level an order may use, given its standing: general trade has no CBEC limit. */
export function modesAllowed(levelModes: readonly FulfilmentMode[], standing: CrossBorderStanding): FulfilmentMode[] {
  return standing === 'over_limit' ? levelModes.filter((m) => !isCrossBorder(m)) : [...levelModes];
}

/** A tax category of the network, or the network's default when the line names none. */
export interface TaxRates {
  category: string;
  /** CBEC comprehensive rate inside the limits (ordinary goods 9.1 %). */
  crossBorderRate: number;
  /** Full general-trade rate (duty + import VAT + consumption tax), for the single-item case. */
  fullRate: number;
}

export const DEFAULT_TAX_CATEGORY = 'ordinary';

/** Rates of a category; `undefined` when the network defines no such category. */
export function taxRates(customs: Customs, category: string | undefined): TaxRates | undefined {
  const id = category ?? DEFAULT_TAX_CATEGORY;
  const found = customs.taxCategories.find((c) => c.id === id);
  if (found !== undefined) return { category: id, crossBorderRate: found.crossBorderRate, fullRate: found.fullRate };
  if (id === DEFAULT_TAX_CATEGORY) {
    return { category: id, crossBorderRate: customs.crossBorderTaxRate, fullRate: customs.fullTaxRate };
  }
  return undefined;
}

/**
 * Why a parcel carries the tax it does:
 * - `cbec_reduced`: CBEC inside the limits, withheld from the buyer by the platform;
 * - `cbec_full`: CBEC single item over the per-order limit, full rates, paid by the buyer;
 * - `duty_paid`: general trade — duty and import VAT were paid by the importer when the stock
 *   entered China and are in its landed cost, not in the cost of shipping this order.
 */
export function taxBasis(mode: FulfilmentMode, standing: CrossBorderStanding): TaxBasis {
  if (!isCrossBorder(mode)) return 'duty_paid';
  return standing === 'within_limit' ? 'cbec_reduced' : 'cbec_full';
}

/**
 * Which side of the customs border a node is on. Airports (even Chinese ones, airside) and
 * overseas bases are `abroad`; a bonded warehouse is inside a special customs zone (`bonded`);
 * clearance ports' exits, domestic warehouses and delivery zones are `domestic`.
 */
export type CustomsSide = 'abroad' | 'bonded' | 'domestic';

export function customsSide(kind: NodeKind): CustomsSide {
  switch (kind) {
    case 'storage_base':
    case 'airport':
      return 'abroad';
    case 'bonded_warehouse':
      return 'bonded';
    case 'clearance_port':
    case 'domestic_warehouse':
    case 'zone':
      return 'domestic';
  }
}

/**
 * Whether a lane may exist, as customs see it, or why not. Goods enter the domestic side only
 * through a clearance lane into a clearance port — from an airport (9610) or from a bonded
 * warehouse (1210, where a network clears bonded orders at a port) — or by release from a
 * bonded warehouse straight to delivery (1210, cleared in the zone); nothing enters a bonded
 * zone or leaves the domestic side by a lane (stock is positioned in bonded zones ahead of
 * demand, outside the plan).
 */
export function laneCustomsProblem(fromKind: NodeKind, toKind: NodeKind, mode: LaneMode): string | null {
  if (mode === 'clearance') {
    return (fromKind === 'airport' || fromKind === 'bonded_warehouse') && toKind === 'clearance_port'
      ? null
      : `a clearance lane runs from an airport or a bonded warehouse to a clearance port (found ${fromKind} → ${toKind})`;
  }
  if (toKind === 'clearance_port') return `only a clearance lane may enter a clearance port (found a ${mode} lane from ${fromKind})`;
  const from = customsSide(fromKind);
  const to = customsSide(toKind);
  if (to === 'bonded') return `no lane may enter a bonded warehouse (found a ${mode} lane from ${fromKind})`;
  if (from === 'abroad' && to === 'domestic') {
    return `goods from abroad enter China only through a clearance lane into a clearance port (found a ${mode} lane ${fromKind} → ${toKind})`;
  }
  if (from !== 'abroad' && to === 'abroad') return `no lane may leave the customs territory (found a ${mode} lane ${fromKind} → ${toKind})`;
  return null;
}
