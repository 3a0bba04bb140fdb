// `xbroute route`: itineraries with local times, costs and slack; SLA-infeasible answers; JSON; usage errors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/run-cli.js';
import { japanNetwork } from '../graph/fixtures.js';

// The Japan network of test/graph/fixtures.ts: via AIR-B 4500 fen, via AIR-A 5500 fen; its one
// service level, direct_mail, is 3 calendar days and is sourced from storage bases.
const dir = mkdtempSync(join(tmpdir(), 'xbroute-route-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const networkPath = join(dir, 'network.json');
writeFileSync(networkPath, JSON.stringify(japanNetwork()));

const route = (...args: string[]) =>
  runCli(['route', '--network', networkPath, '--from', 'BASE-JP', '--to', 'ZONE-SH', '--at', '2026-11-23T06:00:00+09:00', ...args]);

describe('xbroute route', () => {
  it('lists the k cheapest with local times and offsets, transit, cost in CNY and slack to the service deadline', async () => {
    const r = await route();
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // Created Monday 23rd (Shanghai date) + 3 calendar days → Thursday 26th 23:59:59.
    expect(r.stdout).toContain('Deadline: 2026-11-26T23:59:59+08:00 (service direct_mail, 3 calendar days)');
    // AIR-B Monday arrives Tuesday 20:20: slack 2d 3h 39m (59 s dropped).
    expect(r.stdout).toContain('#1  CNY 45.00, arrives 2026-11-24T20:20:00+08:00 (1d 15h 20m door to door, slack 2d 3h 39m)');
    expect(r.stdout).toMatch(/AIR-B\s+air\s+NRT → PVG\s+dep 2026-11-23T14:00:00\+09:00\s+arr 2026-11-23T15:50:00\+08:00\s+2h 50m/);
    expect(r.stdout).toContain('#2  CNY 45.00, arrives 2026-11-26T20:20:00+08:00');
    expect(r.stdout).toContain('#3  CNY 55.00, arrives 2026-11-25T16:30:00+08:00');
    expect(r.stdout).not.toContain('#4');
  });

  it('says clearly when no itinerary meets the deadline and shows the earliest achievable arrival', async () => {
    const r = await route('--deadline', '2026-11-24T12:00:00+08:00');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No itinerary arrives by the deadline (SLA_INFEASIBLE). The earliest achievable arrival is 2026-11-24T20:20:00+08:00, 8h 20m late:');
    expect(r.stdout).not.toContain('#1');
  });

  it('prints JSON with local times, slack in minutes and the status', async () => {
    const r = await route('--json', '--k', '1', '--deadline', '2026-11-25T00:00:00+08:00');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { status: string; itineraries: { costMinor: number; cost: string; slackMinutes: number; legs: { lane: string; departure: string; transitMinutes: number }[] }[] };
    expect(json.status).toBe('OK');
    expect(json.itineraries).toHaveLength(1);
    // Tuesday 20:20 → Wednesday 00:00 is 220 minutes.
    expect(json.itineraries[0]).toMatchObject({ costMinor: 4500, cost: '45.00', slackMinutes: 220 });
    expect(json.itineraries[0]?.legs[1]).toMatchObject({ lane: 'AIR-B', departure: '2026-11-23T14:00:00+09:00', transitMinutes: 170 });
  });

  it('rejects an unknown node by name with exit 1', async () => {
    const r = await runCli(['route', '--network', networkPath, '--from', 'BASE-XX', '--to', 'ZONE-SH', '--at', '2026-11-23T06:00:00+09:00']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"BASE-XX" is not a node');
  });

  it('rejects a destination that is not a zone, a bad instant, and --deadline with --service', async () => {
    const notZone = await runCli(['route', '--network', networkPath, '--from', 'BASE-JP', '--to', 'PVG', '--at', '2026-11-23T06:00:00+09:00']);
    expect(notZone.code).toBe(1);
    expect(notZone.stderr).toContain('"PVG" is not a zone (kind airport)');
    const badInstant = await route('--deadline', '2026-11-24 12:00');
    expect(badInstant.code).toBe(1);
    expect(badInstant.stderr).toContain('--deadline: "2026-11-24 12:00" is not an ISO 8601 instant');
    const both = await route('--deadline', '2026-11-24T12:00:00+08:00', '--service', 'direct_mail');
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('not both');
  });

  it('shows examples in --help', async () => {
    const r = await runCli(['route', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--deadline <instant>');
  });
});
