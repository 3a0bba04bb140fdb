// createTimeModel checks what its hot paths take for granted and names the culprit.
import { describe, expect, it } from 'vitest';
import { Network } from '../../src/domain/network.js';
import { indexNetwork } from '../../src/domain/network-index.js';
import { createTimeModel } from '../../src/time/time-model.js';
import { buildNetwork, weekly } from './fixtures.js';

describe('createTimeModel', () => {
  it('throws on a zone the tz database does not know', () => {
    const net = buildNetwork([]);
    const broken: Network = { ...net, nodes: net.nodes.map((n) => (n.id === 'PVG' ? { ...n, timeZone: 'Asia/Atlantis' } : n)) };
    expect(() => createTimeModel(indexNetwork(broken))).toThrow(/unknown IANA time zone "Asia\/Atlantis"/);
  });

  it('throws on a lane to a node that does not exist', () => {
    const net = buildNetwork([]);
    const lane = { id: 'X', from: 'PVG', to: 'NOWHERE', mode: 'air', schedule: weekly([{ weekdays: [1], time: '10:00' }], 60) };
    const broken = Network.parse({ ...net, lanes: [lane] });
    expect(() => createTimeModel(indexNetwork(broken))).toThrow('unknown node (to of lane "X") "NOWHERE"');
  });

  it('builds the same departures twice from the same network (no hidden state between models)', () => {
    const lanes = [{ id: 'L', from: 'PVG', to: 'LAX', mode: 'air' as const, schedule: weekly([{ weekdays: [2, 5], time: '09:15' }], 600, 30) }];
    const a = createTimeModel(indexNetwork(buildNetwork(lanes)));
    const b = createTimeModel(indexNetwork(buildNetwork(lanes)));
    const ready = Date.UTC(2026, 4, 1);
    expect(a.departuresFrom('L', ready, 10)).toEqual(b.departuresFrom('L', ready, 10));
    expect(a.departuresFrom('L', ready, 10)).toHaveLength(10);
  });
});
