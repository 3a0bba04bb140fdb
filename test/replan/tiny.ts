// The documented tiny example (data/examples/tiny) as re-plan test inputs.
import { indexNetwork } from '../../src/domain/network-index.js';
import { loadNetwork, loadOrders, loadStock } from '../../src/io/load.js';

const dir = new URL('../../data/examples/tiny/', import.meta.url).pathname;

export const tinyPaths = {
  dir,
  network: `${dir}network.json`,
  orders: `${dir}orders.csv`,
  stock: `${dir}stock.csv`,
  events: `${dir}events.json`,
};

export function tinyInputs() {
  const network = loadNetwork(tinyPaths.network);
  return { network, index: indexNetwork(network), orders: loadOrders(tinyPaths.orders), stock: loadStock(tinyPaths.stock) };
}

/** The LAX flight every direct-mail parcel from SB-LAX rides in the example plan. */
export const LAX_FLIGHT = 'AIR:LAX-PVG:MU@2026-11-11T23:30:00-08:00';
export const FRA_FLIGHT = 'AIR:FRA-PVG:LH@2026-11-12T20:15:00+01:00';
