// Lookups over a validated network, built once and shared by every stage.
import type { Calendar, Lane, Network, Node, ServiceLevel } from './network.js';

export interface NetworkIndex {
  readonly network: Network;
  readonly nodes: ReadonlyMap<string, Node>;
  readonly lanes: ReadonlyMap<string, Lane>;
  readonly calendars: ReadonlyMap<string, Calendar>;
  readonly serviceLevels: ReadonlyMap<string, ServiceLevel>;
  /** Lanes leaving each node, in file order (file order makes every tie-break deterministic). */
  readonly lanesFrom: ReadonlyMap<string, readonly Lane[]>;
  readonly lanesTo: ReadonlyMap<string, readonly Lane[]>;
}

export function indexNetwork(network: Network): NetworkIndex {
  const lanesFrom = new Map<string, Lane[]>();
  const lanesTo = new Map<string, Lane[]>();
  for (const lane of network.lanes) {
    push(lanesFrom, lane.from, lane);
    push(lanesTo, lane.to, lane);
  }
  return {
    network,
    nodes: new Map(network.nodes.map((n) => [n.id, n])),
    lanes: new Map(network.lanes.map((l) => [l.id, l])),
    calendars: new Map(network.calendars.map((c) => [c.id, c])),
    serviceLevels: new Map(network.serviceLevels.map((s) => [s.id, s])),
    lanesFrom,
    lanesTo,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Looks up a key that validation guarantees exists; throws (a bug) if it does not. */
export function must<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`internal: unknown ${what} "${String(key)}"`);
  return value;
}
