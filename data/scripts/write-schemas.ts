// Writes data/schema/{network,orders,stock,plan}.schema.json from the zod schemas.
// Run: npx tsx data/scripts/write-schemas.ts   (npm run build:schemas)
// test/domain/json-schema.test.ts fails when the checked-in files drift from the schemas.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMA_NAMES, jsonSchemaFileName, jsonSchemas, renderJsonSchema } from '../../src/domain/json-schema.js';

const schemaDir = fileURLToPath(new URL('../schema/', import.meta.url));
mkdirSync(schemaDir, { recursive: true });
const schemas = jsonSchemas();
for (const name of JSON_SCHEMA_NAMES) {
  const file = join(schemaDir, jsonSchemaFileName(name));
  // Temp file + rename: a reader never sees a half-written schema.
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, renderJsonSchema(schemas[name]), 'utf8');
  renameSync(temp, file);
  console.log(`wrote ${file}`);
}
