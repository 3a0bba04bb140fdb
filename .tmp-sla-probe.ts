// throwaway probe (not committed): planner's earliestDelivery vs the verifier's per-source earliest
import { readFileSync } from 'node:fs';
import { loadNetwork, loadOrders, loadStock } from './src/io/load.js';
import { indexNetwork } from './src/domain/network-index.js';
import { createTimeModel } from './src/time/index.js';
import { VerifyContext } from './src/verify/context.js';
import { RouteSearch } from './src/verify/routes.js';
import { modesOf, sourcesOf } from './src/verify/order-sources.js';
const [planPath, ordersPath, stockPath] = process.argv.slice(2);
const network = loadNetwork('data/network.json');
const orders = loadOrders(ordersPath!);
const stock = loadStock(stockPath!);
const model = createTimeModel(indexNetwork(network));
const ctx = new VerifyContext(model, new Map(orders.map((o) => [o.id, o])));
const routes = new RouteSearch(ctx);
const held = new Map<string, number>();
for (const r of stock) held.set(`${r.node}|${r.sku}`, (held.get(`${r.node}|${r.sku}`) ?? 0) + r.qty);
const plan = JSON.parse(readFileSync(planPath!, 'utf8'));
let same = 0, later = 0, earlier = 0; const ex: string[] = [];
for (const a of plan.orders) {
  if (a.reason !== 'SLA_INFEASIBLE') continue;
  const o = ctx.orders.get(a.order)!;
  const created = Date.parse(o.createdAt);
  const srcs = sourcesOf(ctx, o, modesOf(ctx, o));
  let best = Infinity;
  for (const s of srcs) {
    if (!o.lines.every((l) => (held.get(`${s.node}|${l.sku}`) ?? 0) >= l.qty)) continue;
    best = Math.min(best, routes.earliestArrivalMs(s.mode, s.node, o.destination, created) ?? Infinity);
  }
  const e = Date.parse(a.earliestDelivery);
  if (e === best) same++; else if (e > best) { later++; if (ex.length < 5) ex.push(`${a.order} E=${a.earliestDelivery} single-source best=${new Date(best).toISOString()}`); } else earlier++;
}
console.log({ same, later, earlier }); console.log(ex.join('\n'));
