// The semantic checks of a network (domain/check-network), run on the tiny fixture with one
// thing broken at a time. Each expected problem is worked out from the fixture by hand.
import { describe, expect, it } from 'vitest';
import { checkNetwork } from '../../src/domain/check-network.js';
import { Network } from '../../src/domain/network.js';
import { setPath, tinyNetwork, type Json } from '../fixtures/tiny.js';

/** The problems checkNetwork finds after `edit`, as "severity where: field: expected …, found …". */
function check(edit: (doc: Json) => void): string[] {
  const doc = tinyNetwork();
  edit(doc);
  const network = Network.parse(doc);
  return checkNetwork(network, 'n.json').map((p) => `${p.severity} ${p.where}: ${p.field}: expected ${p.expected}, found ${p.found}`);
}

const nodes = (d: Json): Json[] => d['nodes'] as Json[];
const lanes = (d: Json): Json[] => d['lanes'] as Json[];

describe('checkNetwork', () => {
  it('finds nothing wrong with the tiny network', () => {
    expect(check(() => undefined)).toEqual([]);
  });

  it('reports duplicate calendar, lane and service-level ids at the second one', () => {
    expect(check((d) => setPath(d, 'calendars[1].id', 'cn'))).toContain(
      'error calendars[1].id: id: expected an id no other calendar has, found "cn" (already calendars[0])',
    );
    expect(check((d) => setPath(d, 'lanes[6].id', 'L-BW-SH'))).toEqual([
      'error lanes[6].id: id: expected an id no other lane has, found "L-BW-SH" (already lanes[5])',
    ]);
    expect(check((d) => setPath(d, 'serviceLevels[1].id', 'dm8'))).toEqual([
      'error serviceLevels[1].id: id: expected an id no other service level has, found "dm8" (already serviceLevels[0])',
    ]);
  });

  it('reports an unknown node at either end of a lane', () => {
    expect(check((d) => setPath(d, 'lanes[2].from', 'SHA'))).toEqual([
      'error lanes[2].from: from: expected the id of a node in "nodes", found "SHA" (no such node)',
      // With C-PVG-SHA broken, nothing reaches the port, so the base reaches no zone.
      'warning nodes[0]: id: expected a source with a route to some zone, found storage_base "BASE-LAX" reaches no zone',
    ]);
  });

  it('reports lane modes that do not fit the node kinds', () => {
    expect(check((d) => setPath(d, 'lanes[1].to', 'CP-SHA'))).toContain(
      'error lanes[1].to: to: expected a node of kind airport (air lanes join two airports), found "CP-SHA", a clearance_port',
    );
    expect(check((d) => setPath(d, 'lanes[2].to', 'BW-SHA'))).toContain(
      'error lanes[2].to: to: expected a node of kind clearance_port (clearance lanes run from an airport or a bonded warehouse to a clearance port), found "BW-SHA", a bonded_warehouse',
    );
    expect(check((d) => setPath(d, 'lanes[2].from', 'BASE-LAX'))).toContain(
      'error lanes[2].from: from: expected a node of kind airport or bonded_warehouse (clearance lanes run from an airport or a bonded warehouse to a clearance port), found "BASE-LAX", a storage_base',
    );
  });

  it('lets a bonded warehouse clear through a port (1210 release)', () => {
    expect(check((d) => lanes(d).push({ id: 'C-BW', from: 'BW-SHA', to: 'CP-SHA', mode: 'clearance', schedule: { kind: 'working_time', workingMinutes: 60 } }))).toEqual([]);
  });

  // Customs (src/domain/customs.ts): nothing from abroad reaches the domestic side but through
  // a clearance lane into a clearance port.
  it('reports a truck from an airport straight to a zone (direct mail skipping customs)', () => {
    expect(check((d) => lanes(d).push({ id: 'T-AZ', from: 'PVG', to: 'Z-SH', mode: 'truck', schedule: { kind: 'continuous', transitMinutes: 60 } }))).toEqual([
      'error lanes[7].mode: mode: expected a lane customs allow: goods from abroad enter China only through a clearance lane into a clearance port (found a truck lane airport → zone), found a truck lane "PVG" → "Z-SH"',
    ]);
  });

  it('reports a last-mile lane from an overseas base', () => {
    expect(check((d) => lanes(d).push({ id: 'LM-B', from: 'BASE-LAX', to: 'Z-SH', mode: 'last_mile', schedule: { kind: 'continuous', transitMinutes: 60 } }))).toEqual([
      'error lanes[7].mode: mode: expected a lane customs allow: goods from abroad enter China only through a clearance lane into a clearance port (found a last_mile lane storage_base → zone), found a last_mile lane "BASE-LAX" → "Z-SH"',
    ]);
  });

  it('reports a truck into a clearance port (around the clearance lane)', () => {
    expect(check((d) => lanes(d).push({ id: 'T-CP', from: 'PVG', to: 'CP-SHA', mode: 'truck', schedule: { kind: 'continuous', transitMinutes: 0 } }))).toEqual([
      'error lanes[7].mode: mode: expected a lane customs allow: only a clearance lane may enter a clearance port (found a truck lane from airport), found a truck lane "PVG" → "CP-SHA"',
    ]);
  });

  it('reports a lane into a bonded warehouse', () => {
    expect(check((d) => lanes(d).push({ id: 'T-BW', from: 'PVG', to: 'BW-SHA', mode: 'truck', schedule: { kind: 'continuous', transitMinutes: 60 } }))).toEqual([
      'error lanes[7].mode: mode: expected a lane customs allow: no lane may enter a bonded warehouse (found a truck lane from airport), found a truck lane "PVG" → "BW-SHA"',
    ]);
  });

  it('reports a lane that leaves a zone', () => {
    expect(check((d) => lanes(d).push({ id: 'T-Z', from: 'Z-SH', to: 'Z-ZJ', mode: 'truck', schedule: { kind: 'continuous', transitMinutes: 60 } }))).toEqual([
      'error lanes[7].from: from: expected a node that is not a zone (zones are destinations: no lane leaves one), found "Z-SH", a zone',
    ]);
  });

  it('reports a clearance port without a daily capacity and a node with an unknown calendar or zone', () => {
    expect(
      check((d) => {
        setPath(d, 'nodes[3].dailyParcelCapacity', undefined);
        setPath(d, 'nodes[5].calendar', 'sh');
        setPath(d, 'nodes[6].timeZone', 'China/Hangzhou');
      }),
    ).toEqual([
      'error nodes[3].dailyParcelCapacity: dailyParcelCapacity: expected a daily parcel capacity (every clearance port has one), found nothing (the field is missing)',
      'error nodes[5].calendar: calendar: expected the id of a calendar in "calendars", found "sh" (no such calendar)',
      'error nodes[6].timeZone: timeZone: expected an IANA time-zone name such as "Asia/Shanghai", found "China/Hangzhou" (unknown zone)',
    ]);
  });

  it('reports a weekday listed twice in one departure entry', () => {
    expect(check((d) => setPath(d, 'lanes[1].schedule.departures[0].weekdays', [1, 3, 1]))).toEqual([
      'error lanes[1].schedule.departures[0]: weekdays: expected each weekday and time at most once per lane, found Mon 23:30 again (already in departures[0])',
    ]);
  });

  it('accepts the same weekday at two different times', () => {
    expect(check((d) => setPath(d, 'lanes[1].schedule.departures[1]', { weekdays: [1], time: '10:15' }))).toEqual([]);
  });

  it('needs the first weight break at 0 kg', () => {
    expect(check((d) => setPath(d, 'lanes[1].cost.freight.breaks[0].fromKg', 1))).toEqual([
      'error lanes[1].cost.freight.breaks[0].fromKg: fromKg: expected 0 (the first weight break is the normal rate from 0 kg), found 1',
    ]);
  });

  it('needs a ULD type for ULD limits and ULD costs, and warns about a ULD larger than any standard one', () => {
    expect(check((d) => setPath(d, 'lanes[1].uld', undefined))).toEqual([
      'error lanes[1].maxUldsPerDeparture: maxUldsPerDeparture: expected a "uld" type on the lane to count ULDs of, found 4 ULDs but no uld',
      'error lanes[1].cost.perUldMinor: perUldMinor: expected a "uld" type on the lane to charge per ULD, found 20000 per ULD but no uld',
    ]);
    expect(check((d) => setPath(d, 'lanes[1].uld.maxKg', 100_000))).toEqual([
      'warning lanes[1].uld.maxKg: maxKg: expected at most 15000 kg (no standard ULD holds more), found 100000',
    ]);
  });

  it('checks calendars: a country for date-holidays, hours that end after they start, coverage, overrides', () => {
    expect(
      check((d) => {
        setPath(d, 'calendars[1].country', undefined);
        setPath(d, 'calendars[0].workingHours', { start: '18:00', end: '09:00' });
        setPath(d, 'calendars[0].coveredTo', '2003-12-31');
        setPath(d, 'calendars[0].extraHolidays', ['2026-10-10']);
        setPath(d, 'calendars[0].extraWorkingDays', ['2026-10-10']);
      }),
    ).toEqual([
      'error calendars[0].workingHours.end: end: expected a time after the start 18:00, found "09:00"',
      'error calendars[0].coveredTo: coveredTo: expected a date on or after coveredFrom 2004-01-01, found "2003-12-31"',
      'error calendars[0].extraWorkingDays[0]: extraWorkingDays: expected a date not also in extraHolidays, found "2026-10-10"',
      'error calendars[1].country: country: expected a country code (date-holidays needs one), found nothing (the field is missing)',
    ]);
  });

  it('warns (not errs) about a zone no source can reach', () => {
    const found = check((d) => nodes(d).push({ id: 'Z-BJ', kind: 'zone', name: 'Beijing', country: 'CN', lat: 39.9, lon: 116.4, timeZone: 'Asia/Shanghai', calendar: 'cn' }));
    expect(found).toEqual(['warning nodes[7]: id: expected a zone some storage base or warehouse can reach by lanes, found zone "Z-BJ" is unreachable']);
  });

  it('counts a zone reachable from a bonded warehouse alone as reachable', () => {
    // Remove the direct-mail last miles to Z-ZJ: the bonded warehouse still reaches it.
    expect(check((d) => lanes(d).splice(4, 1))).toEqual([]);
  });
});
