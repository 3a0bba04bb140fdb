// A finished job's results, rendered once from the verified plan by the package's output
// functions and stored as the bytes served: the plan JSON (the plan file's exact text), the
// leg-level CSV, the GeoJSON, the documents (order CSV, MAWB manifests, customs declaration
// lists) and one explanation per order.
import { indexNetwork } from '../domain/network-index.js';
import type { Network } from '../domain/network.js';
import type { Order } from '../domain/orders.js';
import type { Plan } from '../domain/plan.js';
import { explainOrderJson, planToCsv, planToGeoJson } from '../output/index.js';
import { documentTexts } from '../output/documents/index.js';
import type { Output } from './store.js';

/** Output name → what GET /v1/jobs/{id}/{name} serves it as. */
export const OUTPUT_TYPES = {
  plan: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  'orders-csv': 'text/csv; charset=utf-8',
  manifests: 'application/json; charset=utf-8',
  'manifests-csv': 'text/csv; charset=utf-8',
  declarations: 'application/json; charset=utf-8',
  'declarations-csv': 'text/csv; charset=utf-8',
} as const;
export type OutputName = keyof typeof OUTPUT_TYPES;
export const OUTPUT_NAMES = Object.keys(OUTPUT_TYPES) as OutputName[];

/** The plan file's text, as `xbroute plan --out` writes it (2-space JSON, trailing newline). */
export function planText(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

export interface RenderedResults {
  outputs: Output[];
  explanations: Map<string, Buffer>;
}

export function renderResults(plan: Plan, network: Network, orders: readonly Order[]): RenderedResults {
  const index = indexNetwork(network);
  const text: Record<OutputName, string> = {
    plan: planText(plan),
    csv: planToCsv(plan),
    geojson: `${JSON.stringify(planToGeoJson(plan, index))}\n`,
    ...documentTexts(plan, index),
  };
  const outputs = OUTPUT_NAMES.map((name) => ({ name, contentType: OUTPUT_TYPES[name], bytes: Buffer.from(text[name], 'utf8') }));
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const explanations = new Map<string, Buffer>();
  for (const answer of plan.orders) {
    const order = orderById.get(answer.order);
    const json = explainOrderJson(plan, index, answer.order, order === undefined ? {} : { order });
    explanations.set(answer.order, Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8'));
  }
  return { outputs, explanations };
}
