// A small hand-built network for the generator tests: storage bases in seven source
// countries (none in CH, so Swiss watches cannot go direct mail), two bonded warehouses,
// one domestic warehouse and four zones of very different populations. Lanes are irrelevant
// to the generator and left out.
import { Network } from '../../src/domain/network.js';

const node = (id: string, kind: string, country: string, extra: Record<string, unknown> = {}) => ({
  id, kind, name: id, country, lat: 31, lon: 121, timeZone: 'Asia/Shanghai', calendar: 'cn', ...extra,
});

export const FIXTURE_NETWORK: Network = Network.parse({
  schema: 'xbroute.network/v1',
  name: 'generator fixture',
  currency: 'CNY',
  calendars: [{ id: 'cn', source: 'none' }],
  nodes: [
    node('base-us-lax', 'storage_base', 'US'),
    node('base-us-jfk', 'storage_base', 'US'),
    node('base-jp-nrt', 'storage_base', 'JP'),
    node('base-kr-icn', 'storage_base', 'KR'),
    node('base-fr-cdg', 'storage_base', 'FR'),
    node('base-de-fra', 'storage_base', 'DE'),
    node('base-au-syd', 'storage_base', 'AU'),
    node('base-it-mxp', 'storage_base', 'IT'),
    node('apt-pvg', 'airport', 'CN'),
    node('port-sha', 'clearance_port', 'CN', { dailyParcelCapacity: 50_000 }),
    node('bw-sha', 'bonded_warehouse', 'CN'),
    node('bw-hgh', 'bonded_warehouse', 'CN'),
    node('dw-sha', 'domestic_warehouse', 'CN'),
    node('zone-guangdong', 'zone', 'CN', { province: 'Guangdong', populationM: 127 }),
    node('zone-shanghai', 'zone', 'CN', { province: 'Shanghai', populationM: 24.9 }),
    node('zone-beijing', 'zone', 'CN', { province: 'Beijing', populationM: 21.8 }),
    node('zone-tibet', 'zone', 'CN', { province: 'Xizang', populationM: 3.6 }),
  ],
  lanes: [],
  serviceLevels: [
    { id: 'direct-std', deadline: { kind: 'working_days', days: 8 }, modes: ['direct_mail'] },
    { id: 'bonded-fast', deadline: { kind: 'calendar_days', days: 3 }, modes: ['bonded'] },
    { id: 'domestic-next', deadline: { kind: 'calendar_days', days: 2 }, modes: ['general_trade'] },
  ],
  customs: { crossBorderOrderLimitMinor: 500_000, crossBorderTaxRate: 0.091 },
});
