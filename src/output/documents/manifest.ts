// Master air waybill manifests: one per consolidation (one departure of one air lane), what a
// forwarder hands the airline — the flight, its departure and cut-off in the origin's local
// time, the ULDs, pieces, gross and chargeable weight and volume, and every parcel with its
// order, weight and declared value. Pure: from the plan and the network it was made on.
import { must, type NetworkIndex } from '../../domain/network-index.js';
import type { Plan, PlanParcel } from '../../domain/plan.js';
import { toCsv } from '../../io/csv.js';
import { parseInstant, zoneClock } from '../../time/zone.js';
import { formatMinor } from '../money.js';

export interface ManifestParcel {
  parcel: string;
  order: string;
  weightKg: number;
  chargeableKg: number;
  valueMinor: number;
}

export interface MawbManifest {
  consolidation: string;
  lane: string;
  carrier: string | null;
  /** Carrier and airports, e.g. "MU LAX-PVG" (the network has no flight numbers). */
  flight: string;
  from: string;
  to: string;
  /** Departure, local time at the origin (as in the plan). */
  departureLocal: string;
  /** Latest ready time at the origin: departure − the lane's cut-off, local time at the origin. */
  cutoffLocal: string;
  ulds: number;
  uldType: string | null;
  pieces: number;
  grossKg: number;
  chargeableKg: number;
  volumeM3: number;
  parcels: ManifestParcel[];
}

/** A parcel id is `<order>/<n>`: its order is everything before the last slash. */
function orderOfParcel(parcelId: string): string {
  const slash = parcelId.lastIndexOf('/');
  return slash < 0 ? parcelId : parcelId.slice(0, slash);
}

export function mawbManifests(plan: Plan, index: NetworkIndex): MawbManifest[] {
  const parcels = new Map<string, PlanParcel>();
  for (const answer of plan.orders) {
    if (answer.status === 'planned') for (const p of answer.parcels) parcels.set(p.id, p);
  }
  return plan.consolidations.map((c) => {
    const lane = must(index.lanes, c.lane, 'lane');
    const from = must(index.nodes, lane.from, 'node');
    const to = must(index.nodes, lane.to, 'node');
    const cutoffMinutes = lane.schedule.kind === 'weekly' ? lane.schedule.cutoffMinutes : 0;
    // In the origin's zone: the cut-off may fall on the other side of a DST change.
    const cutoffLocal = zoneClock(from.timeZone).toIso(parseInstant(c.departure) - cutoffMinutes * 60_000);
    const airport = (id: string, iata: string | undefined) => iata ?? id;
    return {
      consolidation: c.id,
      lane: lane.id,
      carrier: lane.carrier ?? null,
      flight: `${lane.carrier ?? '??'} ${airport(from.id, from.iata)}-${airport(to.id, to.iata)}`,
      from: from.id,
      to: to.id,
      departureLocal: c.departure,
      cutoffLocal,
      ulds: c.ulds,
      uldType: lane.uld?.type ?? null,
      pieces: c.parcels.length,
      grossKg: c.weightKg,
      chargeableKg: c.chargeableKg,
      volumeM3: c.volumeM3,
      parcels: c.parcels.map((id) => {
        const p = must(parcels, id, 'parcel');
        return { parcel: id, order: orderOfParcel(id), weightKg: p.weightKg, chargeableKg: p.chargeableKg, valueMinor: p.valueMinor };
      }),
    };
  });
}

export const MANIFEST_CSV_HEADER = [
  'consolidation', 'flight', 'lane', 'from', 'to', 'departure_local', 'cutoff_local', 'ulds', 'uld_type', 'pieces',
  'gross_kg', 'chargeable_kg', 'volume_m3', 'parcel', 'order', 'parcel_kg', 'parcel_chargeable_kg', 'parcel_value',
] as const;

const kg = (n: number): string => String(Math.round(n * 1000) / 1000);

/** One row per parcel, its consolidation's figures repeated (a filter on `consolidation` is one MAWB). */
export function manifestsToCsv(manifests: readonly MawbManifest[]): string {
  const rows = manifests.flatMap((m) =>
    m.parcels.map((p) => [
      m.consolidation, m.flight, m.lane, m.from, m.to, m.departureLocal, m.cutoffLocal, m.ulds, m.uldType ?? '', m.pieces,
      kg(m.grossKg), kg(m.chargeableKg), String(Math.round(m.volumeM3 * 1e6) / 1e6), p.parcel, p.order, kg(p.weightKg),
      kg(p.chargeableKg), formatMinor(p.valueMinor),
    ]),
  );
  return toCsv([...MANIFEST_CSV_HEADER], rows);
}
