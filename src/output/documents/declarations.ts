// Customs declaration lists: per place of declaration and local day, the cross-border (CBEC)
// parcels declared there — parcel, order, SKU lines, declared value, customs mode (9610 direct
// mail, 1210 bonded; src/domain/customs.ts CUSTOMS_CODE) and the tax with its basis. Direct
// mail is declared at the clearance port its clearance leg enters, on the local date that leg
// starts (the date the port's daily capacity counts it on); bonded goods at their bonded
// warehouse, on the local date they leave it. General trade (duty paid at import) is not
// declared again. Pure: from the plan and the network it was made on.
import { CUSTOMS_CODE } from '../../domain/customs.js';
import { must, type NetworkIndex } from '../../domain/network-index.js';
import type { Plan, PlanParcel, TaxBasis } from '../../domain/plan.js';
import { toCsv } from '../../io/csv.js';
import { dateOf } from '../../time/civil-date.js';
import { parseInstant, zoneClock } from '../../time/zone.js';
import { formatMinor } from '../money.js';

export interface DeclarationLine {
  parcel: string;
  order: string;
  /** "SKU×qty" per line, in the parcel's order. */
  lines: { sku: string; qty: number }[];
  declaredValueMinor: number;
  customsCode: string;
  taxMinor: number;
  taxBasis: TaxBasis;
}

export interface DeclarationList {
  /** The clearance port (direct mail) or bonded warehouse (bonded) declaring. */
  place: string;
  /** Local date at the place, YYYY-MM-DD. */
  date: string;
  parcels: DeclarationLine[];
  declaredValueMinor: number;
  taxMinor: number;
}

/** Where and on which local day a parcel is declared, or null when it is not (general trade). */
function declarationOf(parcel: PlanParcel, index: NetworkIndex): { place: string; date: string } | null {
  const at = (nodeId: string, instant: string) => {
    const node = must(index.nodes, nodeId, 'node');
    return { place: node.id, date: dateOf(zoneClock(node.timeZone).localDayNumber(parseInstant(instant))) };
  };
  if (parcel.mode === 'direct_mail') {
    const clearance = parcel.legs.find((l) => l.mode === 'clearance');
    return clearance === undefined ? null : at(clearance.to, clearance.departure);
  }
  if (parcel.mode === 'bonded') {
    const first = parcel.legs[0];
    return first === undefined ? null : at(parcel.source, first.departure);
  }
  return null;
}

/** The lists, by place then date; parcels in plan order within a list. */
export function customsDeclarations(plan: Plan, index: NetworkIndex): DeclarationList[] {
  const lists = new Map<string, DeclarationList>();
  for (const answer of plan.orders) {
    if (answer.status !== 'planned') continue;
    for (const parcel of answer.parcels) {
      const code = CUSTOMS_CODE[parcel.mode];
      const where = declarationOf(parcel, index);
      if (code === null || where === null) continue;
      const key = `${where.place}|${where.date}`;
      let list = lists.get(key);
      if (list === undefined) {
        list = { ...where, parcels: [], declaredValueMinor: 0, taxMinor: 0 };
        lists.set(key, list);
      }
      list.parcels.push({
        parcel: parcel.id,
        order: answer.order,
        lines: parcel.lines.map((l) => ({ sku: l.sku, qty: l.qty })),
        declaredValueMinor: parcel.valueMinor,
        customsCode: code,
        taxMinor: parcel.taxMinor,
        taxBasis: parcel.taxBasis,
      });
      list.declaredValueMinor += parcel.valueMinor;
      list.taxMinor += parcel.taxMinor;
    }
  }
  return [...lists.values()].sort((a, b) => a.place.localeCompare(b.place) || a.date.localeCompare(b.date));
}

export const DECLARATION_CSV_HEADER = [
  'place', 'date', 'parcel', 'order', 'sku_lines', 'declared_value', 'customs_code', 'tax', 'tax_basis',
] as const;

/** All lists in one CSV, one row per parcel (filter on place and date for one list). */
export function declarationsToCsv(lists: readonly DeclarationList[]): string {
  const rows = lists.flatMap((list) =>
    list.parcels.map((p) => [
      list.place, list.date, p.parcel, p.order, p.lines.map((l) => `${l.sku}×${l.qty}`).join(';'), formatMinor(p.declaredValueMinor),
      p.customsCode, formatMinor(p.taxMinor), p.taxBasis,
    ]),
  );
  return toCsv([...DECLARATION_CSV_HEADER], rows);
}
