// Cross-border retail import tax (China CBEC "comprehensive tax": 9.1 % of the goods value
// for ordinary goods), charged per parcel on its goods value.
import type { Customs } from '../domain/network.js';
import { roundMinor } from './rounding.js';

/** valueMinor × crossBorderTaxRate, rounded once to a whole minor unit. */
export function crossBorderTaxMinor(customs: Customs, valueMinor: number): number {
  return roundMinor(valueMinor * customs.crossBorderTaxRate);
}
