// Documents for the people downstream of a plan: MAWB manifests per consolidation (forwarder,
// airline), customs declaration lists per place and day (customs broker), and the
// order-level CSV (customer service). Pure renderers, like the rest of src/output.
export { mawbManifests, manifestsToCsv, MANIFEST_CSV_HEADER, type MawbManifest, type ManifestParcel } from './manifest.js';
export {
  customsDeclarations, declarationsToCsv, DECLARATION_CSV_HEADER, type DeclarationList, type DeclarationLine,
} from './declarations.js';
export { ordersToPlanCsv, ORDERS_CSV_HEADER } from './orders-csv.js';
