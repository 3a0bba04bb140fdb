// Promises that depend on the destination: a service level's extraDays for the zone's
// province lengthen its deadline (remote provinces get longer promises), in the level's own
// kind of days, for planner and verifier alike (orderDeadlineMs is the one place).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexNetwork } from '../../src/domain/network-index.js';
import { Network } from '../../src/domain/network.js';
import { createTimeModel } from '../../src/time/index.js';
import { orderDeadlineMs, promisedDays } from '../../src/time/sla.js';
import { buildNetwork, fixture } from '../graph/fixtures.js';
import { order } from './fixtures.js';

const network = buildNetwork(
  [
    { id: 'BW', kind: 'bonded_warehouse', timeZone: 'Asia/Shanghai' },
    { id: 'Z-SH', kind: 'zone', timeZone: 'Asia/Shanghai', province: 'Shanghai' },
    { id: 'Z-XJ', kind: 'zone', timeZone: 'Asia/Shanghai', province: 'Xinjiang' },
    { id: 'Z-XZ', kind: 'zone', timeZone: 'Asia/Shanghai', province: 'Tibet' },
    { id: 'Z-NONE', kind: 'zone', timeZone: 'Asia/Shanghai' },
  ],
  [],
  {
    serviceLevels: [
      {
        id: 'bonded', deadline: { kind: 'calendar_days', days: 3 }, modes: ['bonded'],
        extraDays: [{ provinces: ['Xinjiang', 'Tibet'], days: 2 }, { provinces: ['Tibet'], days: 9 }],
      },
      // The all-days calendar of the fixture counts every day as a working day.
      { id: 'dm', deadline: { kind: 'working_days', days: 5 }, modes: ['bonded'], extraDays: [{ provinces: ['Xinjiang'], days: 3 }] },
    ],
  },
);
const { model } = fixture(network);
const created = '2026-11-23T10:00:00+08:00';
const deadline = (destination: string, serviceLevel: string): string =>
  model.toLocalIso(orderDeadlineMs(model, order({ id: `${destination}-${serviceLevel}`, createdAt: created, destination, serviceLevel })), destination);

describe('destination-dependent promises', () => {
  it('gives a listed province its extra calendar days', () => {
    // 23 Nov + 3 = 26 Nov; Xinjiang 23 + 5 = 28 Nov.
    expect(deadline('Z-SH', 'bonded')).toBe('2026-11-26T23:59:59+08:00');
    expect(deadline('Z-XJ', 'bonded')).toBe('2026-11-28T23:59:59+08:00');
  });

  it('takes the first entry naming the province', () => {
    // Tibet is in the first entry (+2), so the second (+9) does not apply.
    expect(deadline('Z-XZ', 'bonded')).toBe('2026-11-28T23:59:59+08:00');
  });

  it('adds working days to a working-day promise', () => {
    // 5 working days → 28 Nov; Xinjiang 8 → 1 Dec (every day works in this calendar).
    expect(deadline('Z-SH', 'dm')).toBe('2026-11-28T23:59:59+08:00');
    expect(deadline('Z-XJ', 'dm')).toBe('2026-12-01T23:59:59+08:00');
  });

  it('gives a zone without a province the plain promise', () => {
    expect(deadline('Z-NONE', 'bonded')).toBe('2026-11-26T23:59:59+08:00');
    expect(promisedDays(network.serviceLevels[0]!, undefined)).toBe(3);
  });

  it('the default network promises remote provinces 2 days more for bonded and general trade, not direct mail', () => {
    const bundled = Network.parse(JSON.parse(readFileSync(new URL('../../data/network.json', import.meta.url), 'utf8')));
    const bundledModel = createTimeModel(indexNetwork(bundled));
    const level = (id: string) => bundled.serviceLevels.find((l) => l.id === id)!;
    for (const province of ['Xinjiang', 'Tibet', 'Qinghai', 'Inner Mongolia', 'Gansu', 'Ningxia']) {
      expect(promisedDays(level('bonded'), province), province).toBe(level('bonded').deadline.days + 2);
      expect(promisedDays(level('general_trade'), province), province).toBe(level('general_trade').deadline.days + 2);
      expect(promisedDays(level('direct_mail'), province), province).toBe(level('direct_mail').deadline.days);
    }
    expect(promisedDays(level('bonded'), 'Shanghai')).toBe(level('bonded').deadline.days);
    const at = (destination: string) =>
      bundledModel.toLocalIso(orderDeadlineMs(bundledModel, order({ id: destination, createdAt: created, destination, serviceLevel: 'general_trade' })), destination);
    expect(at('Z-SH')).toBe('2026-11-26T23:59:59+08:00');
    expect(at('Z-XJ')).toBe('2026-11-28T23:59:59+08:00');
  });
});
