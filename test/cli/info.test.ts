// `xbroute info` summarises a network; the figures below are counted by hand from
// test/fixtures/tiny-network.json.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/run-cli.js';
import { TINY_NETWORK, setPath, tempDir, tinyNetwork, type Json } from '../fixtures/tiny.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('xbroute info', () => {
  it('prints the summary of the tiny network', async () => {
    const result = await runCli(['info', '--network', TINY_NETWORK]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    // Air departures: LAX->PVG on Mon, Wed, Fri at 23:30 and Sat at 10:15 = 4 a week, all landing at PVG.
    expect(result.stdout).toBe(
      [
        'network: tiny (money in CNY)',
        'nodes: 7 (storage_base 1, airport 2, clearance_port 1, bonded_warehouse 1, zone 2)',
        '  by country: CN 5, US 2',
        'lanes: 7 (air 1, truck 1, clearance 1, last_mile 4)',
        'weekly air departures: 4',
        '  PVG Shanghai Pudong: 4 arriving, 0 leaving per week',
        'clearance ports: 1',
        '  CP-SHA Shanghai clearance (Shanghai): 5,000 parcels/day',
        'zones: 2',
        'service levels: 2',
        '  dm8 Direct mail: 8 working days (direct_mail)',
        '  bd3 Bonded: 3 calendar days (bonded)',
        '',
      ].join('\n'),
    );
  });

  it('prints the same figures as JSON with --json', async () => {
    const result = await runCli(['info', '--network', TINY_NETWORK, '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Json;
    expect(summary).toMatchObject({
      name: 'tiny',
      nodes: 7,
      nodesByKind: { storage_base: 1, airport: 2, clearance_port: 1, bonded_warehouse: 1, domestic_warehouse: 0, zone: 2 },
      nodesByCountry: [{ country: 'CN', nodes: 5 }, { country: 'US', nodes: 2 }],
      lanesByMode: { air: 1, truck: 1, clearance: 1, last_mile: 4 },
      weeklyAirDepartures: 4,
      chineseAirports: [{ id: 'PVG', iata: 'PVG', arrivalsPerWeek: 4, departuresPerWeek: 0 }],
      clearancePorts: [{ id: 'CP-SHA', dailyParcelCapacity: 5000 }],
      zones: 2,
      serviceLevels: [
        { id: 'dm8', deadline: '8 working days', modes: ['direct_mail'] },
        { id: 'bd3', deadline: '3 calendar days', modes: ['bonded'] },
      ],
    });
  });

  it('counts departures per Chinese airport in both directions', async () => {
    // Add a domestic PVG->CAN lane flying daily at 08:00: 7 more departures, leaving PVG and landing at CAN.
    const doc = tinyNetwork();
    (doc['nodes'] as Json[]).push({ id: 'CAN', kind: 'airport', name: 'Guangzhou Baiyun', country: 'CN', lat: 23.39, lon: 113.3, timeZone: 'Asia/Shanghai', calendar: 'cn', iata: 'CAN' });
    (doc['lanes'] as Json[]).push({
      id: 'A-PVG-CAN', from: 'PVG', to: 'CAN', mode: 'air',
      schedule: { kind: 'weekly', departures: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], time: '08:00' }], transitMinutes: 150 },
    });
    const result = await runCli(['info', '--network', tmp.write('two-airports.json', JSON.stringify(doc)), '--json']);
    const summary = JSON.parse(result.stdout) as { weeklyAirDepartures: number; chineseAirports: unknown[] };
    expect(summary.weeklyAirDepartures).toBe(11);
    expect(summary.chineseAirports).toEqual([
      { id: 'CAN', name: 'Guangzhou Baiyun', iata: 'CAN', arrivalsPerWeek: 7, departuresPerWeek: 0 },
      { id: 'PVG', name: 'Shanghai Pudong', iata: 'PVG', arrivalsPerWeek: 4, departuresPerWeek: 7 },
    ]);
  });

  it('rejects an invalid network with exit 2 and located errors', async () => {
    const doc = setPath(tinyNetwork(), 'lanes[1].schedule.departures[0].time', '7:30');
    const path = tmp.write('bad.json', JSON.stringify(doc));
    const result = await runCli(['info', '--network', path]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `error: ${path}: lanes[1].schedule.departures[0].time: time: expected a local time "HH:MM" (00:00–23:59), found "7:30"\n`,
    );
  });

  it('shows warnings on stderr and still summarises', async () => {
    const doc = tinyNetwork();
    (doc['nodes'] as Json[]).push({ id: 'Z-BJ', kind: 'zone', name: 'Beijing', country: 'CN', lat: 39.9, lon: 116.4, timeZone: 'Asia/Shanghai', calendar: 'cn' });
    const result = await runCli(['info', '--network', tmp.write('warn.json', JSON.stringify(doc))]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^warning: .*warn\.json: nodes\[7\]: id: .*"Z-BJ" is unreachable\n$/);
    expect(result.stdout).toContain('zones: 3\n');
  });

  it('has --help with examples', async () => {
    const result = await runCli(['info', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--network <file>');
    expect(result.stdout).toContain('$ xbroute info --network my-network.json --json');
  });
});
