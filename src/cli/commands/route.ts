// `xbroute route`: the cheapest itineraries from a node to a zone for a parcel ready at an
// instant, within a deadline (explicit or a service level's) — legs with local times, transit,
// cost and slack — or, when none meets the deadline, the earliest achievable arrival.
import { UsageError } from '../../domain/errors.js';
import { SOURCE_KIND, type Network } from '../../domain/network.js';
import { indexNetwork, type NetworkIndex } from '../../domain/network-index.js';
import {
  MAX_LEGS, REFERENCE_LOAD_KG, REFERENCE_PARCEL, createItineraryContext, referenceParcelCost, searchItineraries,
  type Itinerary, type ItinerarySearch,
} from '../../graph/itineraries.js';
import { loadNetwork } from '../../io/load.js';
import { formatMinutes } from '../../output/duration.js';
import { formatMinor } from '../../output/money.js';
import { alignColumns } from '../../output/text-table.js';
import { SUPPORTED_RANGE_TEXT, isSupportedInstantMs } from '../../time/date-range.js';
import { createTimeModel, parseInstant, serviceLevelDeadlineMs, type TimeModel } from '../../time/index.js';
import { DEFAULT_NETWORK } from '../paths.js';
import type { RegisterCommand } from './index.js';

interface RouteOptions {
  from: string;
  to: string;
  at: string;
  deadline?: string;
  service?: string;
  k: string;
  departures: string;
  weight?: string;
  volume?: string;
  network?: string;
  json?: boolean;
}

const MINUTE_MS = 60_000;

const EXAMPLES = `
Examples:
  $ xbroute route --from SB-LAX --to Z-SH --at 2026-11-23T10:00:00+08:00
      the 3 cheapest itineraries within the first service level that serves a storage
      base (direct_mail in the bundled network)
  $ xbroute route --from SB-FRA --to Z-XJ --at 2026-11-11T00:05:00+08:00 --deadline 2026-11-18T23:59:59+08:00 --k 5
      5 cheapest arriving by an explicit deadline; if none can, the earliest achievable arrival
  $ xbroute route --from SB-NRT --to Z-BJ --at 2026-11-23T10:00:00+09:00 --service direct_mail --weight 4 --volume 0.03 --json
      priced for a 4 kg, 0.03 m³ parcel, as JSON

Costs are for one parcel: handling and per-parcel fees, plus the parcel's share of a
consolidation of like parcels of ${REFERENCE_LOAD_KG} kg chargeable (the default parcel is ${REFERENCE_PARCEL.weightKg} kg,
${REFERENCE_PARCEL.volumeM3} m³). Times are local to each place, with their UTC offsets.
Exit codes: 0 ok (also when no itinerary meets the deadline), 1 bad usage or unknown node,
2 invalid network file.`;

export const register: RegisterCommand = (program, io) => {
  program
    .command('route')
    .description('Lists the cheapest itineraries from a node to a zone that meet a deadline, with local times, costs and slack.')
    .requiredOption('--from <node>', 'node the parcel leaves (a storage base, bonded or domestic warehouse, …)')
    .requiredOption('--to <zone>', 'destination zone node')
    .requiredOption('--at <instant>', 'when the parcel is ready at --from (order creation), ISO 8601 with offset')
    .option('--deadline <instant>', 'latest arrival, ISO 8601 with offset')
    .option('--service <id>', 'service level giving the deadline (default: the source\'s own: bonded for a bonded warehouse, general_trade for a domestic one, else direct_mail)')
    .option('--k <n>', 'how many itineraries to list', '3')
    .option('--departures <n>', 'departures tried per scheduled lane', '2')
    .option('--weight <kg>', `parcel weight in kg (default ${REFERENCE_PARCEL.weightKg})`)
    .option('--volume <m3>', `parcel volume in m³ (default ${REFERENCE_PARCEL.volumeM3})`)
    .option('--network <file>', 'network JSON (default: the bundled data/network.json)')
    .option('--json', 'print the answer as JSON')
    .addHelpText('after', EXAMPLES)
    .action((options: RouteOptions) => {
      const network = loadNetwork(options.network ?? DEFAULT_NETWORK);
      const answer = route(network, options);
      io.stdout(options.json === true ? `${JSON.stringify(answer.json, null, 2)}\n` : answer.text);
    });
};

interface Deadline {
  ms: number;
  /** What set it: "--deadline", "service direct_mail, 8 working days", or "none". */
  source: string;
}

/** Checks the options against the network, searches, and renders text and JSON. */
export function route(network: Network, options: RouteOptions): { text: string; json: unknown } {
  const index = indexNetwork(network);
  const from = index.nodes.get(options.from);
  if (from === undefined) throw new UsageError(`--from: "${options.from}" is not a node of network "${network.name}"`);
  const to = index.nodes.get(options.to);
  if (to === undefined) throw new UsageError(`--to: "${options.to}" is not a node of network "${network.name}"`);
  if (to.kind !== 'zone') throw new UsageError(`--to: "${options.to}" is not a zone (kind ${to.kind})`);
  if (from.id === to.id) throw new UsageError('--from and --to are the same node');
  const readyMs = instantOption('--at', options.at);
  const k = positiveInteger('--k', options.k);
  const departuresPerLane = positiveInteger('--departures', options.departures);
  const parcel = {
    weightKg: options.weight === undefined ? REFERENCE_PARCEL.weightKg : nonNegative('--weight', options.weight),
    volumeM3: options.volume === undefined ? REFERENCE_PARCEL.volumeM3 : nonNegative('--volume', options.volume),
  };

  const model = createTimeModel(index);
  const deadline = deadlineOf(model, options, from.kind, to.id, readyMs);
  const ctx = createItineraryContext(model);
  const customParcel = options.weight !== undefined || options.volume !== undefined;
  const cost = customParcel ? referenceParcelCost(ctx, parcel) : referenceParcelCost(ctx);
  const found = searchItineraries(ctx, {
    source: from.id, destination: to.id, readyMs, deadlineMs: deadline.ms, k, departuresPerLane, cost,
  });
  return {
    text: renderText(network, index, model, found, { k, from: from.id, to: to.id, readyMs, deadline, parcel }),
    json: renderJson(network, index, model, found, { k, from: from.id, to: to.id, readyMs, deadline, parcel }),
  };
}

function deadlineOf(model: TimeModel, options: RouteOptions, fromKind: string, zone: string, readyMs: number): Deadline {
  if (options.deadline !== undefined && options.service !== undefined) {
    throw new UsageError('give --deadline or --service, not both');
  }
  if (options.deadline !== undefined) return { ms: instantOption('--deadline', options.deadline), source: '--deadline' };
  const levels = model.index.network.serviceLevels;
  const level =
    options.service !== undefined
      ? levels.find((l) => l.id === options.service)
      : defaultLevel(levels, fromKind);
  if (options.service !== undefined && level === undefined) {
    throw new UsageError(`--service: unknown service level "${options.service}" (known: ${levels.map((l) => l.id).join(', ')})`);
  }
  if (level === undefined) return { ms: Infinity, source: 'none' };
  const days = `${level.deadline.days} ${level.deadline.kind === 'working_days' ? 'working' : 'calendar'} day${level.deadline.days === 1 ? '' : 's'}`;
  return { ms: serviceLevelDeadlineMs(model, zone, level.id, readyMs), source: `service ${level.id}, ${days}` };
}

/**
 * The service level an order from this kind of source would normally have: of the levels its
 * mode may serve, the most specific one (fewest modes; ties: the first) — bonded for a bonded
 * warehouse, general trade for a domestic one, direct mail for an overseas base — not merely
 * the first that allows it (direct mail allows every mode, with a longer deadline).
 */
function defaultLevel<L extends { modes: readonly (keyof typeof SOURCE_KIND)[] }>(levels: readonly L[], fromKind: string): L | undefined {
  let best: L | undefined;
  for (const level of levels) {
    if (!level.modes.some((mode) => SOURCE_KIND[mode] === fromKind)) continue;
    if (best === undefined || level.modes.length < best.modes.length) best = level;
  }
  return best;
}

interface Query {
  k: number;
  from: string;
  to: string;
  readyMs: number;
  deadline: Deadline;
  parcel: { weightKg: number; volumeM3: number };
}

function renderText(network: Network, index: NetworkIndex, model: TimeModel, found: ItinerarySearch, q: Query): string {
  const money = (minor: number) => `${network.currency} ${formatMinor(minor)}`;
  const lines = [
    `Route ${q.from} → ${q.to}, parcel ready ${model.toLocalIso(q.readyMs, q.from)} at ${q.from}`,
    `Deadline: ${q.deadline.ms === Infinity ? 'none' : `${model.toLocalIso(q.deadline.ms, q.to)} (${q.deadline.source})`}`,
    `Parcel: ${q.parcel.weightKg} kg, ${q.parcel.volumeM3} m³`,
    '',
  ];
  if (found.earliest === null) {
    lines.push(`No route: no lanes lead from ${q.from} to ${q.to} within ${MAX_LEGS} legs (NO_ROUTE).`);
    return `${lines.join('\n')}\n`;
  }
  if (found.itineraries.length === 0) {
    const late = Math.ceil((found.earliest.arrivalMs - q.deadline.ms) / MINUTE_MS);
    lines.push(
      `No itinerary arrives by the deadline (SLA_INFEASIBLE). The earliest achievable arrival is ` +
        `${model.toLocalIso(found.earliest.arrivalMs, q.to)}, ${formatMinutes(late)} late:`,
    );
    lines.push(...legLines(index, model, found.earliest), `    cost ${money(found.earliest.costMinor)}`);
    return `${lines.join('\n')}\n`;
  }
  found.itineraries.forEach((itinerary, i) => {
    const slack = q.deadline.ms === Infinity ? '' : `, slack ${formatMinutes(slackMinutes(itinerary, q.deadline.ms))}`;
    lines.push(
      `#${i + 1}  ${money(itinerary.costMinor)}, arrives ${model.toLocalIso(itinerary.arrivalMs, q.to)}` +
        ` (${formatMinutes(Math.round((itinerary.arrivalMs - q.readyMs) / MINUTE_MS))} door to door${slack})`,
    );
    lines.push(...legLines(index, model, itinerary), '');
  });
  const n = found.itineraries.length;
  if (n < q.k) lines.push(`Only ${n} itinerar${n === 1 ? 'y meets' : 'ies meet'} the deadline (${q.k} asked for).`);
  lines.push(`Earliest possible arrival: ${model.toLocalIso(found.earliest.arrivalMs, q.to)}.`);
  return `${lines.join('\n')}\n`;
}

function legLines(index: NetworkIndex, model: TimeModel, itinerary: Itinerary): string[] {
  const rows = itinerary.legs.map((leg) => {
    const lane = index.lanes.get(leg.lane);
    return [
      leg.lane,
      lane?.mode ?? '?',
      `${leg.from} → ${leg.to}`,
      `dep ${model.toLocalIso(leg.departureMs, leg.from)}`,
      `arr ${model.toLocalIso(leg.arrivalMs, leg.to)}`,
      formatMinutes(Math.round((leg.arrivalMs - leg.departureMs) / MINUTE_MS)),
    ];
  });
  return alignColumns(rows, '    ');
}

function slackMinutes(itinerary: Itinerary, deadlineMs: number): number {
  return Math.floor((deadlineMs - itinerary.arrivalMs) / MINUTE_MS);
}

function renderJson(network: Network, index: NetworkIndex, model: TimeModel, found: ItinerarySearch, q: Query): unknown {
  const hasDeadline = q.deadline.ms !== Infinity;
  const itineraryJson = (itinerary: Itinerary) => ({
    costMinor: itinerary.costMinor,
    cost: formatMinor(itinerary.costMinor),
    arrival: model.toLocalIso(itinerary.arrivalMs, q.to),
    slackMinutes: hasDeadline ? slackMinutes(itinerary, q.deadline.ms) : null,
    legs: itinerary.legs.map((leg) => ({
      lane: leg.lane,
      mode: index.lanes.get(leg.lane)?.mode ?? null,
      from: leg.from,
      to: leg.to,
      departure: model.toLocalIso(leg.departureMs, leg.from),
      arrival: model.toLocalIso(leg.arrivalMs, leg.to),
      transitMinutes: Math.round((leg.arrivalMs - leg.departureMs) / MINUTE_MS),
    })),
  });
  return {
    from: q.from,
    to: q.to,
    readyAt: model.toLocalIso(q.readyMs, q.from),
    deadline: hasDeadline ? model.toLocalIso(q.deadline.ms, q.to) : null,
    deadlineSource: q.deadline.source,
    parcel: q.parcel,
    currency: network.currency,
    status: found.earliest === null ? 'NO_ROUTE' : found.itineraries.length === 0 ? 'SLA_INFEASIBLE' : 'OK',
    itineraries: found.itineraries.map(itineraryJson),
    earliest: found.earliest === null ? null : itineraryJson(found.earliest),
  };
}

function instantOption(name: string, value: string): number {
  let ms: number;
  try {
    ms = parseInstant(value);
  } catch {
    throw new UsageError(`${name}: "${value}" is not an ISO 8601 instant with an offset, e.g. 2026-11-23T10:00:00+08:00`);
  }
  if (!isSupportedInstantMs(ms)) throw new UsageError(`${name}: "${value}" is not an instant ${SUPPORTED_RANGE_TEXT}`);
  return ms;
}

function positiveInteger(name: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`${name}: expected a whole number >= 1, found "${value}"`);
  return n;
}

function nonNegative(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`${name}: expected a number >= 0, found "${value}"`);
  return n;
}
