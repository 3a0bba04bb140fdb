// What-if scenarios of the job on show: a scenario document to edit (prefilled with the busiest
// clearance port of the plan closed over the batch's dates), sent to POST /v1/compare with the
// job's id, and the answer as a table — one row per figure, one column per plan.
import type { Api, Comparison } from './api.js';
import { type Plan, money, parcelsPerPort } from './plan.js';

const byId = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`page: no #${id}`);
  return node as T;
};

/** How long the prefilled closure lasts after the plan's first departure. */
const CLOSURE_DAYS = 30;

/** A starting scenario: the port most parcels of the plan clear at, closed for a month from the first departure. */
export function defaultScenario(plan: Plan): object {
  const ports = [...parcelsPerPort(plan)].sort((a, b) => b[1] - a[1]);
  const departures = plan.orders.flatMap((o) => (o.parcels ?? []).flatMap((p) => p.legs.map((l) => l.departure.slice(0, 10)))).sort();
  const from = departures[0] ?? new Date().toISOString().slice(0, 10);
  const to = new Date(Date.parse(`${from}T00:00:00Z`) + CLOSURE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const port = ports[0]?.[0];
  return {
    schema: 'xbroute.scenario/v1',
    name: port === undefined ? 'no change' : `${port} closed`,
    edits: port === undefined ? [] : [{ kind: 'close_node', node: port, from, to }],
  };
}

function cell(value: number | null, unit: Comparison['rows'][number]['unit'], currency: string): string {
  if (value === null) return '—';
  if (unit === 'minor') return money(value, currency);
  if (unit === 'hours') return `${value.toFixed(1)} h`;
  return value.toLocaleString('en-US');
}

export function renderComparison(table: HTMLTableElement, comparison: Comparison): void {
  const tr = (cells: string[], header: boolean, metric?: string): HTMLTableRowElement => {
    const row = document.createElement('tr');
    if (metric !== undefined) row.dataset['metric'] = metric;
    for (const text of cells) {
      const td = document.createElement(header ? 'th' : 'td');
      td.textContent = text;
      row.append(td);
    }
    return row;
  };
  table.replaceChildren(
    tr(['', ...comparison.columns], true),
    ...comparison.rows.map((r) => tr([r.label, ...r.values.map((v) => cell(v, r.unit, comparison.currency))], false, r.metric)),
  );
}

export function showWhatIf(api: Api, job: string, plan: Plan): void {
  const text = byId<HTMLTextAreaElement>('what-if-text');
  const button = byId<HTMLButtonElement>('what-if-button');
  const state = byId<HTMLSpanElement>('what-if-state');
  const error = byId<HTMLParagraphElement>('what-if-error');
  const table = byId<HTMLTableElement>('what-if-table');
  text.value = JSON.stringify(defaultScenario(plan), null, 2);
  table.replaceChildren();
  error.hidden = true;
  button.onclick = () => {
    void (async () => {
      error.hidden = true;
      let scenario: unknown;
      try {
        scenario = JSON.parse(text.value);
      } catch (e) {
        error.hidden = false;
        error.textContent = `The scenario is not JSON: ${e instanceof Error ? e.message : String(e)}`;
        return;
      }
      button.disabled = true;
      state.textContent = 'planning the base and the scenario…';
      try {
        renderComparison(table, await api.compare(job, [scenario]));
        state.textContent = '';
      } catch (e) {
        error.hidden = false;
        error.textContent = e instanceof Error ? e.message : String(e);
        state.textContent = '';
      } finally {
        button.disabled = false;
      }
    })();
  };
}
