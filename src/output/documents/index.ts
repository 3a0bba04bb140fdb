// Documents for the people downstream of a plan: MAWB manifests per consolidation (forwarder,
// airline), customs declaration lists per place and day (customs broker), and the
// order-level CSV (customer service). Pure renderers, like the rest of src/output.
export { mawbManifests, manifestsToCsv, MANIFEST_CSV_HEADER, type MawbManifest, type ManifestParcel } from './manifest.js';
export {
  customsDeclarations, declarationsToCsv, DECLARATION_CSV_HEADER, type DeclarationList, type DeclarationLine,
} from './declarations.js';
export { ordersToPlanCsv, ORDERS_CSV_HEADER } from './orders-csv.js';

import type { NetworkIndex } from '../../domain/network-index.js';
import type { Plan } from '../../domain/plan.js';
import { customsDeclarations, declarationsToCsv } from './declarations.js';
import { manifestsToCsv, mawbManifests } from './manifest.js';
import { ordersToPlanCsv } from './orders-csv.js';

/** Every document of a plan as text, by file stem: what `xbroute documents` writes and the service serves. */
export function documentTexts(plan: Plan, index: NetworkIndex): Record<'orders-csv' | 'manifests' | 'manifests-csv' | 'declarations' | 'declarations-csv', string> {
  const manifests = mawbManifests(plan, index);
  const declarations = customsDeclarations(plan, index);
  return {
    'orders-csv': ordersToPlanCsv(plan),
    manifests: `${JSON.stringify(manifests, null, 2)}\n`,
    'manifests-csv': manifestsToCsv(manifests),
    declarations: `${JSON.stringify(declarations, null, 2)}\n`,
    'declarations-csv': declarationsToCsv(declarations),
  };
}
