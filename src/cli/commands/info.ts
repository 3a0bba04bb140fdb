// `xbroute info`: what a network holds, at a glance — nodes by kind and country, lanes by
// mode, weekly air departures (in total and at each Chinese airport), clearance ports with
// their daily capacities, zones and service levels.
import { formatProblem } from '../../domain/errors.js';
import { type LaneMode, LaneMode as LaneModes, type Network, type NodeKind, NodeKind as NodeKinds } from '../../domain/network.js';
import { readNetworkFile } from '../../io/load.js';
import { orThrow } from '../../io/problems.js';
import { DEFAULT_NETWORK } from '../paths.js';
import type { RegisterCommand } from './index.js';

interface InfoOptions {
  network?: string;
  json?: boolean;
}

export interface AirportTraffic {
  id: string;
  name: string;
  iata: string | undefined;
  /** Weekly departures of air lanes landing here / leaving here. */
  arrivalsPerWeek: number;
  departuresPerWeek: number;
}

export interface NetworkSummary {
  name: string;
  currency: string;
  nodes: number;
  nodesByKind: Record<NodeKind, number>;
  /** Countries by node count, most first (ties by code). */
  nodesByCountry: { country: string; nodes: number }[];
  lanes: number;
  lanesByMode: Record<LaneMode, number>;
  weeklyAirDepartures: number;
  /** Every Chinese airport, busiest (arrivals) first. */
  chineseAirports: AirportTraffic[];
  clearancePorts: { id: string; name: string; province: string | undefined; dailyParcelCapacity: number | undefined }[];
  zones: number;
  serviceLevels: { id: string; name: string | undefined; deadline: string; modes: string[] }[];
}

/** Counts a weekly lane's departures per week: one per weekday of each entry. */
function perWeek(lane: Network['lanes'][number]): number {
  if (lane.schedule.kind !== 'weekly') return 0;
  return lane.schedule.departures.reduce((sum, d) => sum + d.weekdays.length, 0);
}

export function summariseNetwork(network: Network): NetworkSummary {
  const nodesByKind = Object.fromEntries(NodeKinds.options.map((k) => [k, 0])) as Record<NodeKind, number>;
  const countries = new Map<string, number>();
  for (const node of network.nodes) {
    nodesByKind[node.kind] += 1;
    countries.set(node.country, (countries.get(node.country) ?? 0) + 1);
  }
  const lanesByMode = Object.fromEntries(LaneModes.options.map((m) => [m, 0])) as Record<LaneMode, number>;
  for (const lane of network.lanes) lanesByMode[lane.mode] += 1;

  const chinese = network.nodes.filter((n) => n.kind === 'airport' && n.country === 'CN');
  const traffic = new Map<string, AirportTraffic>(
    chinese.map((n) => [n.id, { id: n.id, name: n.name, iata: n.iata, arrivalsPerWeek: 0, departuresPerWeek: 0 }]),
  );
  let weeklyAirDepartures = 0;
  for (const lane of network.lanes) {
    if (lane.mode !== 'air') continue;
    const count = perWeek(lane);
    weeklyAirDepartures += count;
    const into = traffic.get(lane.to);
    if (into !== undefined) into.arrivalsPerWeek += count;
    const outOf = traffic.get(lane.from);
    if (outOf !== undefined) outOf.departuresPerWeek += count;
  }

  return {
    name: network.name,
    currency: network.currency,
    nodes: network.nodes.length,
    nodesByKind,
    nodesByCountry: [...countries]
      .map(([country, nodes]) => ({ country, nodes }))
      .sort((a, b) => b.nodes - a.nodes || a.country.localeCompare(b.country)),
    lanes: network.lanes.length,
    lanesByMode,
    weeklyAirDepartures,
    chineseAirports: [...traffic.values()].sort((a, b) => b.arrivalsPerWeek - a.arrivalsPerWeek || a.id.localeCompare(b.id)),
    clearancePorts: network.nodes
      .filter((n) => n.kind === 'clearance_port')
      .map((n) => ({ id: n.id, name: n.name, province: n.province, dailyParcelCapacity: n.dailyParcelCapacity })),
    zones: nodesByKind.zone,
    serviceLevels: network.serviceLevels.map((s) => ({
      id: s.id,
      name: s.name,
      deadline: `${s.deadline.days} ${s.deadline.kind === 'working_days' ? 'working' : 'calendar'} day${s.deadline.days === 1 ? '' : 's'}`,
      modes: [...s.modes],
    })),
  };
}

/** 1234567 -> "1,234,567", independent of the machine's locale. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function counts(record: Record<string, number>): string {
  return Object.entries(record)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

export function renderSummary(s: NetworkSummary): string {
  const lines = [
    `network: ${s.name} (money in ${s.currency})`,
    `nodes: ${s.nodes} (${counts(s.nodesByKind)})`,
    `  by country: ${s.nodesByCountry.map((c) => `${c.country} ${c.nodes}`).join(', ')}`,
    `lanes: ${s.lanes} (${counts(s.lanesByMode) || 'none'})`,
    `weekly air departures: ${s.weeklyAirDepartures}`,
  ];
  for (const a of s.chineseAirports) {
    lines.push(`  ${a.iata ?? a.id} ${a.name}: ${a.arrivalsPerWeek} arriving, ${a.departuresPerWeek} leaving per week`);
  }
  lines.push(`clearance ports: ${s.clearancePorts.length}`);
  for (const p of s.clearancePorts) {
    const capacity = p.dailyParcelCapacity === undefined ? 'no capacity set' : `${grouped(p.dailyParcelCapacity)} parcels/day`;
    lines.push(`  ${p.id} ${p.name}${p.province === undefined ? '' : ` (${p.province})`}: ${capacity}`);
  }
  lines.push(`zones: ${s.zones}`);
  lines.push(`service levels: ${s.serviceLevels.length}`);
  for (const l of s.serviceLevels) {
    lines.push(`  ${l.id}${l.name === undefined ? '' : ` ${l.name}`}: ${l.deadline} (${l.modes.join(', ')})`);
  }
  return `${lines.join('\n')}\n`;
}

const EXAMPLES = `
Examples:
  $ xbroute info
      summarises the bundled network (data/network.json)
  $ xbroute info --network my-network.json --json
      the same figures as JSON

An invalid network is reported like "xbroute validate" does, with exit code 2.`;

export const register: RegisterCommand = (program, io) => {
  program
    .command('info')
    .description('Summarises a network: nodes by kind and country, lanes by mode, weekly air departures, clearance ports, zones, service levels.')
    .option('--network <file>', 'network JSON (default: the bundled data/network.json)')
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', EXAMPLES)
    .action((options: InfoOptions) => {
      const read = readNetworkFile(options.network ?? DEFAULT_NETWORK);
      const network = orThrow(read); // an InputError here becomes exit 2 in run()
      if (network === undefined) throw new Error('internal: network without errors but no value');
      for (const w of read.problems) io.stderr(`warning: ${formatProblem(w)}\n`);
      const summary = summariseNetwork(network);
      io.stdout(options.json === true ? `${JSON.stringify(summary, null, 2)}\n` : renderSummary(summary));
    });
};
