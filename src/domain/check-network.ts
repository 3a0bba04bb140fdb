// Semantic checks of a network that passed its schema: references between records, time
// zones, schedules, tariffs, ULDs, which lane modes may join which node kinds, which lanes
// customs allow (src/domain/customs.ts), tax categories, and whether every zone can be reached. Pure; returns problems located by JSON path, errors and warnings.
import { checkCalendars } from './check-calendars.js';
import { laneCustomsProblem } from './customs.js';
import type { InputProblem } from './errors.js';
import { isValidZone } from '../time/zone.js';
import { type LaneMode, type Network, type NodeKind, SOURCE_KIND } from './network.js';

/** Node kinds that hold stock and so source orders: storage bases, bonded and domestic warehouses. */
export const STOCK_HOLDING_KINDS: readonly NodeKind[] = Object.values(SOURCE_KIND);

/**
 * Which node kinds each lane mode may join. Air lanes fly between airports; clearance runs
 * from the airport where direct-mail parcels land (or the bonded warehouse releasing 1210
 * stock) to a clearance port; last-mile delivery ends at a zone. Trucks may join anything. Customs then narrow these (laneCustomsProblem): nothing
 * from abroad reaches the domestic side but through a clearance lane.
 */
export const LANE_ENDS: Record<LaneMode, { from: readonly NodeKind[]; to: readonly NodeKind[]; rule: string }> = {
  air: { from: ['airport'], to: ['airport'], rule: 'air lanes join two airports' },
  clearance: {
    from: ['airport', 'bonded_warehouse'],
    to: ['clearance_port'],
    rule: 'clearance lanes run from an airport or a bonded warehouse to a clearance port',
  },
  last_mile: {
    from: ['storage_base', 'airport', 'clearance_port', 'bonded_warehouse', 'domestic_warehouse'],
    to: ['zone'],
    rule: 'last-mile lanes end at a zone',
  },
  truck: {
    from: ['storage_base', 'airport', 'clearance_port', 'bonded_warehouse', 'domestic_warehouse'],
    to: ['storage_base', 'airport', 'clearance_port', 'bonded_warehouse', 'domestic_warehouse', 'zone'],
    rule: 'trucks join any nodes but leave no zone',
  },
};

/** Above these a "ULD" is no standard unit load device (a 20-ft PGA pallet is ~13.6 t): likely a unit mistake. */
const LARGEST_ULD_KG = 15_000;
const LARGEST_ULD_M3 = 40;

/** "an airport", "a zone": node kinds as they read in a sentence. */
export function aKind(kind: NodeKind): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

const WEEKDAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function checkNetwork(network: Network, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (where: string, field: string, expected: string, found: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ file, where, field, expected, found, severity });
  };

  checkUniqueIds(network.calendars, 'calendars', 'calendar', add);
  checkUniqueIds(network.nodes, 'nodes', 'node', add);
  checkUniqueIds(network.lanes, 'lanes', 'lane', add);
  checkUniqueIds(network.serviceLevels, 'serviceLevels', 'service level', add);

  checkUniqueIds(network.customs.taxCategories, 'customs.taxCategories', 'tax category', add);
  const { customs } = network;
  if (customs.annualLimitMinor < customs.crossBorderOrderLimitMinor) {
    add('customs.annualLimitMinor', 'annualLimitMinor', `at least crossBorderOrderLimitMinor (${customs.crossBorderOrderLimitMinor}): the annual limit bounds a year of orders`, String(customs.annualLimitMinor));
  }

  const calendarIds = new Set(network.calendars.map((c) => c.id));
  const kindOf = new Map<string, NodeKind>();
  for (const node of network.nodes) if (!kindOf.has(node.id)) kindOf.set(node.id, node.kind);

  network.calendars.forEach((cal, i) => {
    const at = `calendars[${i}]`;
    if (cal.source === 'date-holidays' && cal.country === undefined) {
      add(`${at}.country`, 'country', 'a country code (date-holidays needs one)', 'nothing (the field is missing)');
    }
    if (cal.workingHours.start >= cal.workingHours.end) {
      add(`${at}.workingHours.end`, 'end', `a time after the start ${cal.workingHours.start}`, JSON.stringify(cal.workingHours.end));
    }
    if (cal.coveredFrom !== undefined && cal.coveredTo !== undefined && cal.coveredFrom > cal.coveredTo) {
      add(`${at}.coveredTo`, 'coveredTo', `a date on or after coveredFrom ${cal.coveredFrom}`, JSON.stringify(cal.coveredTo));
    }
    const holidays = new Set(cal.extraHolidays);
    cal.extraWorkingDays.forEach((day, j) => {
      if (holidays.has(day)) {
        add(`${at}.extraWorkingDays[${j}]`, 'extraWorkingDays', 'a date not also in extraHolidays', JSON.stringify(day));
      }
    });
  });

  // Calendars the holiday sources cannot build, or that leave weeks without a working day.
  for (const p of checkCalendars(network, file)) problems.push(p);

  network.nodes.forEach((node, i) => {
    const at = `nodes[${i}]`;
    if (!calendarIds.has(node.calendar)) {
      add(`${at}.calendar`, 'calendar', 'the id of a calendar in "calendars"', `"${node.calendar}" (no such calendar)`);
    }
    if (!isValidZone(node.timeZone)) {
      add(`${at}.timeZone`, 'timeZone', 'an IANA time-zone name such as "Asia/Shanghai"', `"${node.timeZone}" (unknown zone)`);
    }
    if (node.kind === 'clearance_port' && node.dailyParcelCapacity === undefined) {
      add(`${at}.dailyParcelCapacity`, 'dailyParcelCapacity', 'a daily parcel capacity (every clearance port has one)', 'nothing (the field is missing)');
    }
  });

  network.lanes.forEach((lane, i) => {
    const at = `lanes[${i}]`;
    const fromKind = kindOf.get(lane.from);
    const toKind = kindOf.get(lane.to);
    if (fromKind === undefined) add(`${at}.from`, 'from', 'the id of a node in "nodes"', `"${lane.from}" (no such node)`);
    if (toKind === undefined) add(`${at}.to`, 'to', 'the id of a node in "nodes"', `"${lane.to}" (no such node)`);
    if (lane.from === lane.to) {
      add(`${at}.to`, 'to', 'a node other than "from" (a lane cannot return to where it starts)', `"${lane.to}", the same as from`);
    }
    const ends = LANE_ENDS[lane.mode];
    if (fromKind === 'zone') {
      add(`${at}.from`, 'from', 'a node that is not a zone (zones are destinations: no lane leaves one)', `"${lane.from}", a zone`);
    } else if (fromKind !== undefined && !ends.from.includes(fromKind)) {
      add(`${at}.from`, 'from', `a node of kind ${ends.from.join(' or ')} (${ends.rule})`, `"${lane.from}", ${aKind(fromKind)}`);
    }
    if (toKind !== undefined && !ends.to.includes(toKind)) {
      add(`${at}.to`, 'to', `a node of kind ${ends.to.join(' or ')} (${ends.rule})`, `"${lane.to}", ${aKind(toKind)}`);
    } else if (fromKind !== undefined && toKind !== undefined && fromKind !== 'zone' && ends.from.includes(fromKind)) {
      const customs = laneCustomsProblem(fromKind, toKind, lane.mode);
      if (customs !== null) add(`${at}.mode`, 'mode', `a lane customs allow: ${customs}`, `a ${lane.mode} lane "${lane.from}" → "${lane.to}"`);
    }

    if (lane.schedule.kind === 'weekly') {
      const seen = new Map<string, string>();
      lane.schedule.departures.forEach((dep, j) => {
        for (const weekday of dep.weekdays) {
          const key = `${weekday} ${dep.time}`;
          const first = seen.get(key);
          if (first !== undefined) {
            add(`${at}.schedule.departures[${j}]`, 'weekdays', 'each weekday and time at most once per lane',
              `${WEEKDAY_NAMES[weekday] ?? weekday} ${dep.time} again (already in ${first})`);
            break;
          }
          seen.set(key, `departures[${j}]`);
        }
      });
    }

    const freight = lane.cost.freight;
    if (freight !== undefined) {
      const first = freight.breaks[0];
      if (first !== undefined && first.fromKg !== 0) {
        add(`${at}.cost.freight.breaks[0].fromKg`, 'fromKg', '0 (the first weight break is the normal rate from 0 kg)', String(first.fromKg));
      }
      for (let j = 1; j < freight.breaks.length; j += 1) {
        const prev = freight.breaks[j - 1];
        const cur = freight.breaks[j];
        if (prev !== undefined && cur !== undefined && cur.fromKg <= prev.fromKg) {
          add(`${at}.cost.freight.breaks[${j}].fromKg`, 'fromKg', `a weight above the previous break's ${prev.fromKg} kg (breaks ascend)`, String(cur.fromKg));
        }
      }
    }

    if (lane.uld === undefined) {
      if (lane.maxUldsPerDeparture !== undefined) {
        add(`${at}.maxUldsPerDeparture`, 'maxUldsPerDeparture', 'a "uld" type on the lane to count ULDs of', `${lane.maxUldsPerDeparture} ULDs but no uld`);
      }
      if (lane.cost.perUldMinor > 0) {
        add(`${at}.cost.perUldMinor`, 'perUldMinor', 'a "uld" type on the lane to charge per ULD', `${lane.cost.perUldMinor} per ULD but no uld`);
      }
    } else {
      if (lane.uld.maxKg > LARGEST_ULD_KG) {
        add(`${at}.uld.maxKg`, 'maxKg', `at most ${LARGEST_ULD_KG} kg (no standard ULD holds more)`, String(lane.uld.maxKg), 'warning');
      }
      if (lane.uld.maxM3 > LARGEST_ULD_M3) {
        add(`${at}.uld.maxM3`, 'maxM3', `at most ${LARGEST_ULD_M3} m³ (no standard ULD holds more)`, String(lane.uld.maxM3), 'warning');
      }
    }
  });

  checkReachability(network, kindOf, add);
  return problems;
}

type Add = (where: string, field: string, expected: string, found: string, severity?: 'error' | 'warning') => void;

function checkUniqueIds(records: readonly { id: string }[], collection: string, what: string, add: Add): void {
  const firstAt = new Map<string, number>();
  records.forEach((record, i) => {
    const first = firstAt.get(record.id);
    if (first === undefined) firstAt.set(record.id, i);
    else add(`${collection}[${i}].id`, 'id', `an id no other ${what} has`, `"${record.id}" (already ${collection}[${first}])`);
  });
}

/**
 * Warns about zones no stock-holding node can reach, and stock-holding nodes that reach no
 * zone: legal networks, but orders there can never be planned, which is rarely intended.
 */
function checkReachability(network: Network, kindOf: ReadonlyMap<string, NodeKind>, add: Add): void {
  const out = new Map<string, string[]>();
  const into = new Map<string, string[]>();
  for (const lane of network.lanes) {
    if (!kindOf.has(lane.from) || !kindOf.has(lane.to)) continue;
    push(out, lane.from, lane.to);
    push(into, lane.to, lane.from);
  }
  const sources = network.nodes.filter((n) => STOCK_HOLDING_KINDS.includes(n.kind)).map((n) => n.id);
  const zones = network.nodes.filter((n) => n.kind === 'zone').map((n) => n.id);
  const fromSources = reach(sources, out);
  const toZones = reach(zones, into);
  const where = new Map<string, number>();
  network.nodes.forEach((n, i) => {
    if (!where.has(n.id)) where.set(n.id, i);
  });
  network.nodes.forEach((node, i) => {
    if (where.get(node.id) !== i) return; // duplicates are reported already
    if (node.kind === 'zone' && !fromSources.has(node.id)) {
      add(`nodes[${i}]`, 'id', 'a zone some storage base or warehouse can reach by lanes', `zone "${node.id}" is unreachable`, 'warning');
    }
    if (STOCK_HOLDING_KINDS.includes(node.kind) && !toZones.has(node.id)) {
      add(`nodes[${i}]`, 'id', 'a source with a route to some zone', `${node.kind} "${node.id}" reaches no zone`, 'warning');
    }
  });
}

function reach(starts: readonly string[], edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set(starts);
  const queue = [...starts];
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head];
    if (id === undefined) continue;
    for (const next of edges.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
