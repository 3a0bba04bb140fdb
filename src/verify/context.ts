// What every check shares: the inputs, the violation log, and cached answers from the time
// model (a large plan repeats the same instants and departures thousands of times).
import type { Lane } from '../domain/network.js';
import type { NetworkIndex } from '../domain/network-index.js';
import type { Order } from '../domain/orders.js';
import { type Departure, type TimeModel, parseInstant } from '../time/index.js';
import type { Violation } from './rules.js';

/** The fields that say where a violation is; every check passes them along. */
export type Where = Pick<Violation, 'order' | 'parcel' | 'consolidation' | 'departure' | 'node' | 'sku'>;

export class VerifyContext {
  readonly index: NetworkIndex;
  readonly violations: Violation[] = [];
  private readonly instants = new Map<string, number | null>();
  private readonly departures = new Map<string, Departure | null>();
  private readonly offsets = new Map<string, boolean>();

  constructor(
    readonly model: TimeModel,
    /** The batch by id; the first of two orders with one id wins (inputs are validated upstream). */
    readonly orders: ReadonlyMap<string, Order>,
  ) {
    this.index = model.index;
  }

  report(violation: Violation): void {
    this.violations.push(violation);
  }

  /** Epoch ms of an offset ISO instant; a SCHEMA violation (and null) if it is not a real one. */
  instant(iso: string, where: Where, field: string): number | null {
    const ms = this.peekInstant(iso);
    if (ms === null) this.report({ rule: 'SCHEMA', ...where, message: `${field} "${iso}" is not a real instant` });
    return ms;
  }

  /** The same without a report, for an instant whose owner reports it (a consolidation's departure). */
  peekInstant(iso: string): number | null {
    let ms = this.instants.get(iso);
    if (ms === undefined) {
      try {
        ms = parseInstant(iso);
        if (!Number.isFinite(ms)) ms = null;
      } catch {
        ms = null;
      }
      this.instants.set(iso, ms);
    }
    return ms;
  }

  departureAt(laneId: string, departureMs: number): Departure | null {
    const key = `${laneId}|${departureMs}`;
    let departure = this.departures.get(key);
    if (departure === undefined) {
      departure = this.model.departureAt(laneId, departureMs);
      this.departures.set(key, departure);
    }
    return departure;
  }

  /** The printable departure id of the contracts: `${laneId}@${local ISO at lane.from}`. */
  departureLabel(lane: Lane, departureMs: number): string {
    return `${lane.id}@${this.model.toLocalIso(departureMs, lane.from)}`;
  }

  /** LOCAL_OFFSET: `iso` (meaning instant `ms`) must carry the UTC offset of node `nodeId` then. */
  checkOffset(iso: string, ms: number, nodeId: string, field: string, where: Where | (() => Where)): void {
    if (!this.index.nodes.has(nodeId)) return; // an unknown node is reported by the endpoint checks
    // The string fixes the instant, so (node, string) decides the answer; plans repeat both.
    const key = `${nodeId}|${iso}`;
    let ok = this.offsets.get(key);
    if (ok === undefined) {
      ok = offsetMinutes(iso) === offsetMinutes(this.model.toLocalIso(ms, nodeId));
      this.offsets.set(key, ok);
    }
    if (ok) return;
    const expected = this.model.toLocalIso(ms, nodeId);
    this.report({
      rule: 'LOCAL_OFFSET',
      ...(typeof where === 'function' ? where() : where),
      message: `${field} "${iso}" is not written in the local time of ${nodeId} (${expected})`,
      expected,
      found: iso,
    });
  }
}

/** The UTC offset an ISO instant is written with, in minutes ('Z' is 0); null if none. */
export function offsetMinutes(iso: string): number | null {
  const match = /(Z|([+-])(\d{2}):?(\d{2}))$/.exec(iso);
  if (match === null) return null;
  if (match[1] === 'Z') return 0;
  const minutes = Number(match[3]) * 60 + Number(match[4]);
  return match[2] === '-' ? -minutes : minutes;
}
