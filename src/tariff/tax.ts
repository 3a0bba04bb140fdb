// Import tax on a parcel's goods (China CBEC): per line, value × the rate of its tax category
// for the parcel's basis (reduced CBEC rate inside the limits, full rate for the single-item
// case, nothing for general trade whose duty was paid at import), rounded once per parcel.
// Taxes are reported beside logistics cost and never enter the objective (README, "Taxes").
import { type TaxBasis, taxRates } from '../domain/customs.js';
import type { Customs } from '../domain/network.js';
import type { OrderLine } from '../domain/orders.js';
import { roundMinor } from './rounding.js';

export function parcelTaxMinor(
  customs: Customs,
  basis: TaxBasis,
  lines: readonly { line: Pick<OrderLine, 'unitValueMinor' | 'taxCategory'>; qty: number }[],
): number {
  if (basis === 'duty_paid') return 0;
  let tax = 0;
  for (const { line, qty } of lines) {
    // An unknown category is a validation error before planning; count it as the default here
    // so that the function stays total.
    const rates = taxRates(customs, line.taxCategory) ?? taxRates(customs, undefined);
    const rate = rates === undefined ? 0 : basis === 'cbec_full' ? rates.fullRate : rates.crossBorderRate;
    tax += line.unitValueMinor * qty * rate;
  }
  return roundMinor(tax);
}
