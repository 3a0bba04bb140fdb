// The default network's bonded and general-trade promises can be kept: from every bonded and
// every domestic warehouse to every zone, handling plus last mile fits between an order placed
// at the last second of a day and its deadline (remote provinces with their extra days).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexNetwork } from '../../src/domain/network-index.js';
import { Network } from '../../src/domain/network.js';
import { createTimeModel } from '../../src/time/index.js';
import { orderDeadlineMs } from '../../src/time/sla.js';

const network = Network.parse(JSON.parse(readFileSync(new URL('../../data/network.json', import.meta.url), 'utf8')));
const model = createTimeModel(indexNetwork(network));
const zones = network.nodes.filter((n) => n.kind === 'zone');
const CREATED = '2026-11-23T23:59:59+08:00';

describe('promises the warehouses can meet', () => {
  for (const [level, kind] of [['general_trade', 'domestic_warehouse'], ['bonded', 'bonded_warehouse']] as const) {
    it(`${level}: every ${kind} reaches every zone in time for an order at 23:59:59`, () => {
      const late: string[] = [];
      for (const warehouse of network.nodes.filter((n) => n.kind === kind)) {
        for (const zone of zones) {
          const lane = network.lanes.find((l) => l.from === warehouse.id && l.to === zone.id && l.mode === 'last_mile');
          if (lane?.schedule.kind !== 'continuous') throw new Error(`no continuous last mile ${warehouse.id} → ${zone.id}`);
          const createdMs = Date.parse(CREATED);
          const deadlineMs = orderDeadlineMs(model, { id: 'o', createdAt: CREATED, destination: zone.id, serviceLevel: level, lines: [] });
          const arrivalMs = createdMs + (warehouse.handlingMinutes + lane.schedule.transitMinutes) * 60_000;
          if (arrivalMs > deadlineMs) late.push(`${warehouse.id} → ${zone.id}`);
        }
      }
      expect(late).toEqual([]);
    });
  }
});
