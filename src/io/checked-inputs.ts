// Inputs the file loaders have already checked. `loadInputs` checks orders on their own, against
// the network and against the stock — exactly what the library's planner checks of what it is
// given (src/api/check-inputs.ts). On 100,000 orders that second check costs about a second, a
// large share of a short `--time-limit`; so the loader records which network and stock its
// orders were checked against, and the planner skips the check for those same objects.
// The record can be trusted only if nothing changed since: the loaded values are frozen (deep),
// so a change after loading throws instead of slipping past the check.
import type { Network } from '../domain/network.js';
import type { Order, StockRecord } from '../domain/orders.js';

interface CheckedAgainst {
  network: Network;
  stock: readonly StockRecord[] | undefined;
}

const checked = new WeakMap<readonly Order[], CheckedAgainst>();
/** Networks the loader checked (and froze): the planner takes them as they are. */
const checkedNetworks = new WeakSet<object>();

/** Freezes the loaded values and records that `orders` passed every check against `network` and `stock`. */
export function recordChecked(orders: readonly Order[], network: Network, stock: readonly StockRecord[] | undefined): void {
  deepFreeze(network);
  if (stock !== undefined) deepFreeze(stock);
  deepFreeze(orders);
  checked.set(orders, { network, stock });
  checkedNetworks.add(network);
}

/** True when this very value is a network the loader checked and froze. */
export function isCheckedNetwork(value: unknown): value is Network {
  return typeof value === 'object' && value !== null && checkedNetworks.has(value);
}

/** True when these very orders were loaded and checked against this very network and stock. */
export function wasChecked(orders: readonly Order[], network: Network, stock: readonly StockRecord[]): boolean {
  const record = checked.get(orders);
  return record !== undefined && record.network === network && record.stock === stock;
}

/** Freezes a JSON-like value and everything in it (plain objects and arrays; no cycles). */
function deepFreeze(value: unknown): void {
  // A loop over a stack, not recursion: a value's depth is the input's, not ours to bound.
  // Children are visited by index and by `for…in`, not through Object.values: no array is made
  // per object (a 100,000-order batch has half a million of them; it halved the time).
  const stack: object[] = [];
  const visit = (child: unknown): void => {
    if (typeof child === 'object' && child !== null && !Object.isFrozen(child)) stack.push(child);
  };
  visit(value);
  for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
    Object.freeze(v);
    if (Array.isArray(v)) for (let i = 0; i < v.length; i += 1) visit(v[i]);
    // Plain JSON objects: every enumerable key is their own.
    else for (const key in v) visit((v as Record<string, unknown>)[key]);
  }
}
