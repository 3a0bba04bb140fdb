// REASON_NO_STOCK: an order answered NO_STOCK must have a line that no node it may be sourced
// from (a mode its service level and customs standing allow, the node kind of that mode, its
// allowedSources) still holds once the plan's planned parcels have drawn their stock. A SKU
// the answer names (its `field`) must be one of the order's, and one of those missing.
import { describeDraws, drawLines, modesOf, sourcesOf } from './order-sources.js';
import type { UnplannedCase } from './unplanned-case.js';

export function checkNoStockReason({ ctx, order, answer, stock }: UnplannedCase): void {
  const report = (message: string, expected: string, found: string) =>
    ctx.report({ rule: 'REASON_NO_STOCK', order: order.id, message: `order ${order.id} is answered NO_STOCK, but ${message}`, expected, found });
  const nodes = sourcesOf(ctx, order, modesOf(ctx, order)).map((s) => s.node);
  const draws = drawLines(order.lines, nodes, stock.left);
  if (draws !== null) {
    report(`after the plan's draws its allowed sources still hold every line: ${describeDraws(draws)}`, 'a line no allowed source holds', describeDraws(draws));
    return;
  }
  if (answer.field === undefined) return;
  const lines = order.lines.filter((line) => line.sku === answer.field);
  if (lines.length === 0) {
    report(`it names SKU ${answer.field}, which the order does not have`, order.lines.map((l) => l.sku).join(' | '), answer.field);
    return;
  }
  const skuDraws = drawLines(lines, nodes, stock.left);
  if (skuDraws !== null) report(`the ${answer.field} it names is left at an allowed source: ${describeDraws(skuDraws)}`, 'a SKU no allowed source holds', answer.field);
}
