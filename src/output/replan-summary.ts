// The re-plan's account on a terminal: what was booked and kept, what the disruptions reached,
// churn against the previous plan, and every order that now misses its promise, by how much.
import type { ReplanReport } from '../domain/replan-report.js';
import { formatMinutes } from './duration.js';
import { formatMinor } from './money.js';

/** Orders listed by name under "missed promises" before the rest are counted. */
const LISTED = 20;

export function formatReplanSummary(r: ReplanReport, currency: string, costMinor: number): string {
  const money = (minor: number): string => `${formatMinor(minor, { grouping: true })} ${currency}`;
  const lines: string[] = ['re-plan'];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(22)}${value}`);
  const booking = r.booking.before !== undefined || r.booking.ids !== undefined
    ? [r.booking.before === undefined ? null : `departing before ${r.booking.before}`, r.booking.ids === undefined ? null : `${r.booking.ids.length} named`].filter((x) => x !== null).join(' or ')
    : 'every consolidation of the previous plan';
  row('previous plan', `${r.previous.orders} orders, ${money(r.previous.costMinor)}`);
  row('new orders', `${r.newOrders}`);
  row('booked', `${r.booked.length} (${booking})`);
  row('kept unchanged', `${r.kept.length}${r.churn.bookedFilled.length > 0 ? `, ${r.churn.bookedFilled.length} of them filled further` : ''}`);
  if (r.disrupted.length > 0 || r.affectedParcels.length > 0) {
    row('disrupted', `${r.disrupted.length} booked consolidation${r.disrupted.length === 1 ? '' : 's'}, ${r.affectedParcels.length} parcel${r.affectedParcels.length === 1 ? '' : 's'} affected`);
  }
  row('parcels moved', `${r.churn.parcelsMoved.length}`);
  row('consolidations', `${r.churn.consolidationsOpened.length} opened, ${r.churn.consolidationsDropped.length} dropped`);
  row('cost change', `${costMinor >= r.previous.costMinor ? '+' : '−'}${money(Math.abs(costMinor - r.previous.costMinor))}`);
  row('missed promises', `${r.missedPromises.length}`);
  for (const m of r.missedPromises.slice(0, LISTED)) {
    const late = m.lateMinutes === undefined ? 'earliest delivery unknown' : `${formatMinutes(m.lateMinutes)} late (earliest ${m.earliestDelivery ?? '?'}, due ${m.deadline ?? '?'})`;
    lines.push(`    ${m.order.padEnd(12)} ${m.reason.padEnd(15)} ${late}`);
  }
  if (r.missedPromises.length > LISTED) lines.push(`    … and ${r.missedPromises.length - LISTED} more (plan.replan.missedPromises)`);
  return `${lines.join('\n')}\n`;
}
