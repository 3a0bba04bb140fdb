// The planner's page in headless Chromium (Debian's chromium, driven by playwright-core; no
// browser download): upload a batch, follow its progress, see the map drawn (lanes and nodes
// counted against the job's GeoJSON), click an order for its explanation, compare a what-if
// scenario with the job's base (/v1/compare), compare two jobs —
// and the page never requests anything off its own origin.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_A, ROOT, TINY_DIR, type TestService, auth, startTestService } from '../service/helpers.js';

const CHROMIUM = '/usr/bin/chromium';

let dir: string;
let service: TestService;
let base: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  dir = mkdtempSync(join(tmpdir(), 'xbroute-web-'));
  const webDir = join(dir, 'web');
  await build({ configFile: join(ROOT, 'vite.config.ts'), build: { outDir: webDir, emptyOutDir: true }, logLevel: 'error' });
  service = await startTestService({ web: { webDir, samples: {} } });
  base = await service.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(base);
  await page.fill('#api-key', KEY_A);
  await page.dispatchEvent('#api-key', 'change');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await service?.dispose();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

async function uploadTiny(solver: string): Promise<string> {
  await page.setInputFiles('#orders-file', join(TINY_DIR, 'orders.csv'));
  await page.setInputFiles('#stock-file', join(TINY_DIR, 'stock.csv'));
  await page.setInputFiles('#network-file', join(TINY_DIR, 'network.json'));
  await page.selectOption('#solver', solver);
  const before = await page.textContent('#job-id');
  await page.click('#submit-upload');
  // A new job, not the last one still on show, and it has ended well.
  for (let waited = 0; (await page.textContent('#job-id')) === before; waited += 50) {
    if (waited > 30_000) throw new Error('the page showed no new job');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await page.locator('#job-state', { hasText: /^succeeded$/ }).waitFor({ timeout: 60_000 });
  await page.waitForSelector('#result:not([hidden]) svg.map');
  return (await page.textContent('#job-id')) ?? '';
}

async function apiJson<T>(url: string): Promise<T> {
  const response = await service.app.inject({ method: 'GET', url, headers: auth(KEY_A) });
  expect(response.statusCode).toBe(200);
  return response.json<T>();
}

describe('the planner page', () => {
  let first: string;
  beforeAll(async () => {
    first = await uploadTiny('highs');
  }, 90_000);

  it('follows the upload to a succeeded job with a full progress bar and the plan summary', async () => {
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.$eval('#job-progress', (p) => (p as unknown as { value: number }).value)).toBe(1);
    const summary = await page.$$eval('#summary tr', (rows) => rows.map((r) => r.textContent ?? ''));
    const plan = await apiJson<{ totals: { orders: number; planned: number } }>(`/v1/jobs/${first}/plan`);
    expect(summary).toContain(`orders${plan.totals.orders}`);
    expect(summary).toContain(`planned${plan.totals.planned}`);
  });

  it('draws the map: land, one path per lane and one dot per node of the GeoJSON', async () => {
    const geo = await apiJson<{ features: { properties: { feature: string } }[] }>(`/v1/jobs/${first}/geojson`);
    const lanes = geo.features.filter((f) => f.properties.feature === 'lane').length;
    const nodes = geo.features.filter((f) => f.properties.feature === 'node').length;
    expect(lanes).toBeGreaterThan(0);
    expect(await page.locator('#map svg path.land').count()).toBe(1);
    expect(await page.locator('#map svg path.lane').count()).toBe(lanes);
    expect(await page.locator('#map svg circle.node').count()).toBe(nodes);
    // The land outline really is drawn (a long path), not an empty one.
    expect((await page.getAttribute('#map svg path.land', 'd'))?.length ?? 0).toBeGreaterThan(1000);
  });

  it('lists unplanned orders by reason and by destination', async () => {
    const plan = await apiJson<{ totals: { unplanned: Record<string, number> } }>(`/v1/jobs/${first}/plan`);
    const reasons = Object.entries(plan.totals.unplanned).filter(([, n]) => n > 0);
    const shown = await page.$$eval('#by-reason tr', (rows) => rows.slice(1).map((r) => r.textContent ?? ''));
    expect(shown).toEqual(reasons.map(([reason, n]) => `${reason}${n}`));
    const byDestination = await page.$$eval('#by-destination td', (cells) => cells.map((c) => c.textContent ?? ''));
    expect(byDestination.length).toBeGreaterThan(0);
    expect(byDestination).not.toContain('(unknown)');
  });

  it('shows an order\'s explanation on a click', async () => {
    await page.click('tr.order-row[data-order="EX-03"]');
    await page.waitForSelector('#explanation[data-order="EX-03"]');
    const shown = JSON.parse((await page.textContent('#explanation')) ?? '{}') as { order: string; explanation: unknown };
    const served = await apiJson<{ order: string }>(`/v1/jobs/${first}/orders/EX-03/explain`);
    expect(shown).toEqual(served);
  });

  it('compares a what-if scenario of the job with its base, real numbers from /v1/compare', async () => {
    const scenario = JSON.parse(await page.inputValue('#what-if-text')) as { name: string; edits: { kind: string; node: string }[] };
    expect(scenario.edits[0]).toMatchObject({ kind: 'close_node', node: 'CP-PVG' });
    await page.click('#what-if-button');
    await page.waitForSelector('#what-if-table tr[data-metric="lead_time.mean"]', { timeout: 60_000 });
    const rows = await page.$$eval('#what-if-table tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    expect(rows[0]).toEqual(['', 'base', scenario.name]);
    const plan = await apiJson<{ totals: { planned: number; cost: { total: number } }; orders: { parcels?: { legs: { mode: string; to: string }[] }[] }[] }>(`/v1/jobs/${first}/plan`);
    const at = (metric: string) => page.$$eval(`#what-if-table tr[data-metric="${metric}"] td`, (tds) => tds.map((td) => td.textContent ?? ''));
    // The base column is the job's own plan, figure for figure.
    const [, baseCost] = await at('cost.total');
    expect(baseCost).toBe(`${(plan.totals.cost.total / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} CNY`);
    expect((await at('planned'))[1]).toBe(String(plan.totals.planned));
    const viaPvg = plan.orders.flatMap((o) => o.parcels ?? []).filter((p) => p.legs.some((l) => l.mode === 'clearance' && l.to === 'CP-PVG')).length;
    expect(viaPvg).toBeGreaterThan(0);
    // With the port closed, nothing clears there.
    expect(await at('parcels.port.CP-PVG')).toEqual(['  via CP-PVG', String(viaPvg), '0']);
  }, 90_000);

  it('compares two finished jobs side by side', async () => {
    const second = await uploadTiny('baseline');
    expect(second).not.toBe(first);
    await page.click('#refresh-jobs');
    await page.locator('#compare-a option').nth(1).waitFor({ state: 'attached' });
    await page.selectOption('#compare-a', first);
    await page.selectOption('#compare-b', second);
    await page.click('#compare-button');
    await page.waitForSelector('#comparison tr:nth-child(3)');
    const rows = await page.$$eval('#comparison tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    const solverRow = rows.find((r) => r[0] === 'solver');
    expect(solverRow?.slice(1)).toEqual(['highs', 'baseline']);
    expect(rows.some((r) => r[0]?.startsWith('parcels at '))).toBe(true);
    const costRow = rows.find((r) => r[0] === 'logistics cost');
    const cost = async (id: string) => (await apiJson<{ totals: { cost: { total: number } } }>(`/v1/jobs/${id}/plan`)).totals.cost.total;
    expect(costRow?.[1]).toContain(((await cost(first)) / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    expect(costRow?.[2]).toContain(((await cost(second)) / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  }, 90_000);

  it('never requested anything off its own origin', () => {
    expect(requests.length).toBeGreaterThan(5);
    const off = requests.filter((url) => !url.startsWith(`${base}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(off).toEqual([]);
  });
});
