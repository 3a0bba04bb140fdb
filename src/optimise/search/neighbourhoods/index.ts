// The neighbourhoods the large-neighbourhood search tries, in this order each round: full
// port days and scarce stock first (on the S batch they hold most of the saving: who gets a
// scarce slot or unit decides who must fly another way), then corridors and origin windows.
import type { Neighbourhood } from '../neighbourhood.js';
import { corridor } from './corridor.js';
import { originDays } from './origin-days.js';
import { portDay } from './port-day.js';
import { scarceSku } from './scarce-sku.js';

export const NEIGHBOURHOODS: readonly Neighbourhood[] = [portDay, scarceSku, corridor, originDays];
