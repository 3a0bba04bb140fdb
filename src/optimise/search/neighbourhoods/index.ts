// The neighbourhoods the large-neighbourhood search tries, in this order each round:
// corridors first, then full port days, scarce stock, and the windows of one origin (on the
// S batch most of the saving comes from the port days and stock, once corridors are settled).
import type { Neighbourhood } from '../neighbourhood.js';
import { corridor } from './corridor.js';
import { originDays } from './origin-days.js';
import { portDay } from './port-day.js';
import { scarceSku } from './scarce-sku.js';

export const NEIGHBOURHOODS: readonly Neighbourhood[] = [corridor, portDay, scarceSku, originDays];
