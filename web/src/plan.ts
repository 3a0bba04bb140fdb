// What the page reads of a plan (the xbroute.plan JSON) and of its GeoJSON, and the figures
// it shows: the summary, unplanned orders by reason and by destination, parcels per port.

export interface PlanParcel {
  id: string;
  source: string;
  legs: { lane: string; mode: string; from: string; to: string; departure: string }[];
}

export interface OrderAnswer {
  order: string;
  status: 'planned' | 'unplanned';
  reason?: string;
  message?: string;
  parcels?: PlanParcel[];
  cost?: { total: number };
}

export interface Plan {
  currency: string;
  network: string;
  solver: string;
  orders: OrderAnswer[];
  consolidations: { id: string; lane: string; utilisation: number; ulds: number }[];
  totals: {
    orders: number;
    planned: number;
    unplanned: Record<string, number>;
    cost: Record<string, number> & { total: number };
    /** Import taxes, apart from the logistics cost. */
    taxMinor: number;
    lowerBoundMinor: number | null;
    gap: number | null;
  };
}

export interface GeoFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | { type: 'LineString' | 'MultiLineString'; coordinates: unknown };
  properties: Record<string, unknown> & { feature: 'node' | 'lane' };
}

export interface GeoCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

export function money(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '—';
  return `${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}

export function parcelCount(plan: Plan): number {
  return plan.orders.reduce((n, o) => n + (o.parcels?.length ?? 0), 0);
}

/** Parcels per clearance port: the `to` of each parcel's clearance leg. */
export function parcelsPerPort(plan: Plan): Map<string, number> {
  const ports = new Map<string, number>();
  for (const order of plan.orders) {
    for (const parcel of order.parcels ?? []) {
      const clearance = parcel.legs.find((l) => l.mode === 'clearance');
      if (clearance !== undefined) ports.set(clearance.to, (ports.get(clearance.to) ?? 0) + 1);
    }
  }
  return new Map([...ports].sort((a, b) => a[0].localeCompare(b[0])));
}

/** Unplanned orders counted by destination (from the orders the page uploaded, when it has them). */
export function unplannedByDestination(plan: Plan, destinationOf: ReadonlyMap<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const order of plan.orders) {
    if (order.status !== 'unplanned') continue;
    const destination = destinationOf.get(order.order) ?? '(unknown)';
    counts.set(destination, (counts.get(destination) ?? 0) + 1);
  }
  return new Map([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** order id → destination, from an orders file: JSON ({ orders: [{ id, destination }] }) or CSV (order_id, destination columns). */
export function destinationsFromCsv(text: string): Map<string, string> {
  if (text.trimStart().startsWith('{')) {
    try {
      const doc = JSON.parse(text) as { orders?: { id?: unknown; destination?: unknown }[] };
      return new Map((doc.orders ?? []).flatMap((o) => (typeof o.id === 'string' && typeof o.destination === 'string' ? [[o.id, o.destination] as [string, string]] : [])));
    } catch {
      return new Map();
    }
  }
  const lines = text.split(/\r?\n/).filter((l) => l !== '' && !l.startsWith('#'));
  const header = (lines.shift() ?? '').split(',');
  const id = header.indexOf('order_id');
  const destination = header.indexOf('destination');
  const map = new Map<string, string>();
  if (id < 0 || destination < 0) return map;
  for (const line of lines) {
    const cells = line.split(',');
    const key = cells[id];
    const value = cells[destination];
    if (key !== undefined && value !== undefined) map.set(key, value);
  }
  return map;
}
