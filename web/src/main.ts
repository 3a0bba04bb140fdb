// The planner's page: submit a batch (upload or the bundled sample) with options, follow its
// progress, then read the summary, the map, unplanned orders by reason and destination, each
// order's explanation on a click, download the outputs, compare two finished jobs, and compare
// what-if scenarios of a job (./what-if.ts).
import './style.css';
import { Api, type JobStatus } from './api.js';
import { drawMap } from './map.js';
import { showWhatIf } from './what-if.js';
import {
  type GeoCollection, type Plan, destinationsFromCsv, money, parcelCount, parcelsPerPort, unplannedByDestination,
} from './plan.js';

const $ = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`page: no #${id}`);
  return node as T;
};

const keyInput = $<HTMLInputElement>('api-key');
keyInput.value = sessionStorage.getItem('xbroute-key') ?? '';
keyInput.addEventListener('change', () => sessionStorage.setItem('xbroute-key', keyInput.value));
const api = new Api(() => keyInput.value);

/** Destinations of the last uploaded orders, for "unplanned by destination". */
let destinations = new Map<string, string>();
let pollTimer: number | undefined;

function row(cells: (string | number)[], header = false): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const cell of cells) {
    const td = document.createElement(header ? 'th' : 'td');
    td.textContent = String(cell);
    tr.append(td);
  }
  return tr;
}

function fillTable(table: HTMLTableElement, header: string[], rows: (string | number)[][]): void {
  table.replaceChildren(row(header, true), ...rows.map((r) => row(r)));
}

function showError(message: string | null): void {
  const p = $<HTMLParagraphElement>('submit-error');
  p.hidden = message === null;
  p.textContent = message ?? '';
}

async function submit(files: { orders: Blob; stock: Blob; network?: Blob; names: [string, string, string?] }): Promise<void> {
  showError(null);
  const form = new FormData();
  form.append('orders', files.orders, files.names[0]);
  form.append('stock', files.stock, files.names[1]);
  if (files.network !== undefined) form.append('network', files.network, files.names[2] ?? 'network.json');
  form.append('solver', $<HTMLSelectElement>('solver').value);
  const limit = $<HTMLInputElement>('time-limit').value.trim();
  if (limit !== '') form.append('timeLimitSeconds', limit);
  destinations = destinationsFromCsv(await files.orders.text());
  try {
    const id = await api.submit(form);
    follow(id);
  } catch (error) {
    showError(error instanceof Error ? error.message : String(error));
  }
}

$<HTMLFormElement>('batch-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const orders = $<HTMLInputElement>('orders-file').files?.[0];
  const stock = $<HTMLInputElement>('stock-file').files?.[0];
  const network = $<HTMLInputElement>('network-file').files?.[0];
  if (orders === undefined || stock === undefined) {
    showError('Choose an orders file and a stock file (or plan the bundled sample).');
    return;
  }
  void submit({ orders, stock, ...(network === undefined ? {} : { network }), names: [orders.name, stock.name, network?.name] });
});

$<HTMLButtonElement>('submit-sample').addEventListener('click', () => {
  void (async () => {
    const [orders, stock] = await Promise.all([api.sample('orders-s.csv'), api.sample('stock-s.csv')]);
    await submit({ orders, stock, names: ['orders-s.csv', 'stock-s.csv'] });
  })();
});

function showProgress(status: JobStatus): void {
  $('progress-panel').hidden = false;
  $('job-id').textContent = status.id;
  $('job-state').textContent = status.state;
  $('job-phase').textContent = status.progress.phase;
  const { done, total } = status.progress;
  $('job-count').textContent = total > 0 ? `${done}/${total} partitions` : '';
  const bar = $<HTMLProgressElement>('job-progress');
  bar.value = status.state === 'succeeded' ? 1 : total > 0 ? done / total : 0;
  const figures = status.progress.bestCostMinor === null ? '' : `cost ${money(status.progress.bestCostMinor, '')} · bound ${money(status.progress.boundMinor, '')}`;
  $('job-figures').textContent = status.error ?? figures;
}

function follow(id: string): void {
  window.clearTimeout(pollTimer);
  const tick = async () => {
    const status = await api.status(id);
    showProgress(status);
    if (status.state === 'queued' || status.state === 'running') {
      pollTimer = window.setTimeout(() => void tick(), 250);
    } else if (status.state === 'succeeded') {
      await showResult(id);
      await refreshJobs();
    }
  };
  void tick();
}

async function showResult(id: string): Promise<void> {
  const [plan, geo] = await Promise.all([api.output<Plan>(id, 'plan'), api.output<GeoCollection>(id, 'geojson')]);
  $('result').hidden = false;
  const t = plan.totals;
  const unplanned = Object.values(t.unplanned).reduce((a, b) => a + b, 0);
  fillTable($<HTMLTableElement>('summary'), ['figure', 'value'], [
    ['network', plan.network],
    ['solver', plan.solver],
    ['orders', t.orders],
    ['planned', t.planned],
    ['unplanned', unplanned],
    ['parcels', parcelCount(plan)],
    ['consolidations', plan.consolidations.length],
    ['logistics cost', money(t.cost.total, plan.currency)],
    ['import taxes (not logistics cost)', money(t.taxMinor, plan.currency)],
    ['lower bound', money(t.lowerBoundMinor, plan.currency)],
    ['gap', t.gap === null ? '—' : `${(t.gap * 100).toFixed(2)} %`],
  ]);
  fillTable($<HTMLTableElement>('by-reason'), ['reason', 'orders'], Object.entries(t.unplanned).filter(([, n]) => n > 0));
  fillTable($<HTMLTableElement>('by-destination'), ['destination', 'orders'], [...unplannedByDestination(plan, destinations)]);
  drawMap($('map'), geo, plan, (node) => {
    const first = plan.orders.find((o) => o.parcels?.some((p) => p.legs.some((l) => l.from === node || l.to === node)));
    if (first !== undefined) void explain(id, first.order);
  });
  showWhatIf(api, id, plan);
  const orders = $<HTMLTableElement>('orders');
  orders.replaceChildren(row(['order', 'status', 'reason', 'cost'], true));
  for (const answer of plan.orders) {
    const tr = row([answer.order, answer.status, answer.reason ?? '', answer.cost === undefined ? '' : money(answer.cost.total, plan.currency)]);
    tr.className = 'order-row';
    tr.dataset['order'] = answer.order;
    tr.addEventListener('click', () => void explain(id, answer.order));
    orders.append(tr);
  }
  const downloads = $('downloads');
  downloads.replaceChildren('Download: ');
  const files = [
    ['plan', 'plan.json'], ['csv', 'plan.csv'], ['geojson', 'routes.geojson'], ['orders-csv', 'orders.csv'],
    ['manifests', 'manifests.json'], ['manifests-csv', 'manifests.csv'], ['declarations', 'declarations.json'],
    ['declarations-csv', 'declarations.csv'],
  ] as const;
  for (const [name, file] of files) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = file;
    button.className = 'download';
    button.addEventListener('click', () => {
      void api.blob(id, name).then((blob) => {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = file;
        a.click();
        URL.revokeObjectURL(a.href);
      });
    });
    downloads.append(button, ' ');
  }
}

async function explain(id: string, order: string): Promise<void> {
  const pre = $<HTMLPreElement>('explanation');
  pre.hidden = false;
  pre.textContent = JSON.stringify(await api.explain(id, order), null, 2);
  pre.dataset['order'] = order;
}

async function refreshJobs(): Promise<void> {
  const jobs = (await api.jobs()).filter((j) => j.state === 'succeeded');
  for (const id of ['compare-a', 'compare-b']) {
    const select = $<HTMLSelectElement>(id);
    const before = select.value;
    select.replaceChildren(
      ...jobs.map((j) => {
        const option = document.createElement('option');
        option.value = j.id;
        option.textContent = `${j.createdAt.slice(0, 19)} ${j.inputs.orders} (${j.options.solver})`;
        return option;
      }),
    );
    if (jobs.some((j) => j.id === before)) select.value = before;
  }
  if (jobs.length >= 2 && $<HTMLSelectElement>('compare-a').value === $<HTMLSelectElement>('compare-b').value) {
    $<HTMLSelectElement>('compare-b').value = jobs[1]?.id ?? '';
  }
}

$<HTMLButtonElement>('refresh-jobs').addEventListener('click', () => void refreshJobs());
$<HTMLButtonElement>('compare-button').addEventListener('click', () => {
  void (async () => {
    const a = $<HTMLSelectElement>('compare-a').value;
    const b = $<HTMLSelectElement>('compare-b').value;
    if (a === '' || b === '') return;
    const [pa, pb] = await Promise.all([api.output<Plan>(a, 'plan'), api.output<Plan>(b, 'plan')]);
    const unplanned = (p: Plan) => Object.values(p.totals.unplanned).reduce((x, y) => x + y, 0);
    const rows: (string | number)[][] = [
      ['solver', pa.solver, pb.solver],
      ['logistics cost', money(pa.totals.cost.total, pa.currency), money(pb.totals.cost.total, pb.currency)],
      ['import taxes', money(pa.totals.taxMinor, pa.currency), money(pb.totals.taxMinor, pb.currency)],
      ['unplanned', unplanned(pa), unplanned(pb)],
      ['parcels', parcelCount(pa), parcelCount(pb)],
    ];
    const portsA = parcelsPerPort(pa);
    const portsB = parcelsPerPort(pb);
    for (const port of [...new Set([...portsA.keys(), ...portsB.keys()])].sort()) {
      rows.push([`parcels at ${port}`, portsA.get(port) ?? 0, portsB.get(port) ?? 0]);
    }
    fillTable($<HTMLTableElement>('comparison'), ['', a.slice(0, 8), b.slice(0, 8)], rows);
  })();
});

void refreshJobs().catch(() => undefined);
