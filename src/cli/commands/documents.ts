// `xbroute documents`: writes the documents of a saved plan into a directory — MAWB manifests
// (JSON, CSV), customs declaration lists (JSON, CSV) and the order-level CSV — all or none.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { indexNetwork } from '../../domain/network-index.js';
import { writeFilesAtomic } from '../../io/atomic-write.js';
import { loadNetwork } from '../../io/load.js';
import { loadPlan } from '../../io/plan.js';
import { documentTexts } from '../../output/documents/index.js';
import { DEFAULT_NETWORK } from '../paths.js';
import type { RegisterCommand } from './index.js';

/** Document stem → file name written. */
export const DOCUMENT_FILES = {
  'orders-csv': 'orders.csv',
  manifests: 'manifests.json',
  'manifests-csv': 'manifests.csv',
  declarations: 'declarations.json',
  'declarations-csv': 'declarations.csv',
} as const;

const EXAMPLES = `
Examples:
  $ xbroute plan --out out/plan.json && xbroute documents --plan out/plan.json --out-dir out/documents
      writes orders.csv, manifests.json, manifests.csv, declarations.json, declarations.csv

Manifests: one per consolidation (flight, departure and cut-off local time, ULDs, pieces, gross
and chargeable weight, volume, parcels with order, weight and value). Declarations: per
clearance port (direct mail, 9610) or bonded warehouse (1210) and local day, each parcel with
its SKU lines, declared value and tax. General trade is duty paid and not declared again.`;

export const register: RegisterCommand = (program, io, state) => {
  program
    .command('documents')
    .description('Writes the MAWB manifests, customs declaration lists and order-level CSV of a saved plan.')
    .requiredOption('--plan <file>', 'the plan JSON (from plan --out)')
    .option('--network <file>', 'the network the plan was made on (default: the bundled data/network.json)')
    .requiredOption('--out-dir <dir>', 'directory to write the documents into (created if missing)')
    .addHelpText('after', EXAMPLES)
    .action(async (options: { plan: string; network?: string; outDir: string }) => {
      const plan = loadPlan(options.plan);
      const index = indexNetwork(loadNetwork(options.network ?? DEFAULT_NETWORK));
      const texts = documentTexts(plan, index);
      mkdirSync(options.outDir, { recursive: true });
      const files = (Object.keys(DOCUMENT_FILES) as (keyof typeof DOCUMENT_FILES)[]).map((stem) => ({
        path: join(options.outDir, DOCUMENT_FILES[stem]),
        content: texts[stem],
      }));
      await writeFilesAtomic(files);
      io.stdout(`wrote ${files.map((f) => f.path).join(', ')}\n`);
      state.exitCode = 0;
    });
};
