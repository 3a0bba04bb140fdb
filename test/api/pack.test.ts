// The published package works: `npm pack` it, install the tarball into an empty project
// (dependencies from the npm cache, offline), and plan a few orders there through
// `import … from 'xbroute'` on the bundled network, with a worker thread — which proves the
// tarball ships the compiled worker, the data and the schemas, and nothing from test/.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'xbroute-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SCRIPT = `
import { createPlanner, defaultNetworkPath, generateBatch, loadDefaultNetwork } from 'xbroute';
const network = loadDefaultNetwork();
const { orders, stock } = generateBatch(network, { orders: 12, seed: 1, profile: 'normal' });
const planner = createPlanner({ network, stock, workers: 1 });
try {
  const plan = await planner.plan(orders);
  console.log(JSON.stringify({ orders: plan.totals.orders, answers: plan.orders.length, networkPath: defaultNetworkPath }));
} finally {
  await planner.close();
}
`;

interface PackEntry {
  filename: string;
  files: { path: string }[];
}

async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('npm', args, { cwd, timeout: 60_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
  return stdout;
}

describe('the packed package', () => {
  it('installs from its tarball and plans through the package root', async () => {
    const [packed] = JSON.parse(await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], ROOT)) as PackEntry[]; // dist/ is fresh (global setup): no prepare rebuild
    const files = packed!.files.map((f) => f.path);
    for (const shipped of ['dist/src/index.js', 'dist/workers/solve-partition.js', 'data/network.json', 'data/orders-s.csv', 'data/stock-s.csv', 'data/schema/plan.schema.json']) {
      expect(files).toContain(shipped);
    }
    expect(files.filter((f) => f.startsWith('dist/test/') || f.startsWith('dist/bench/'))).toEqual([]);

    const project = join(tmp, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'pack-check', private: true, type: 'module' }));
    const tarball = join(tmp, packed!.filename);
    const install = ['install', '--no-audit', '--no-fund', '--ignore-scripts'];
    try {
      await npm([...install, '--offline', tarball], project);
    } catch {
      // A cache missing some metadata: let npm reach the registry for what is missing only.
      await npm([...install, '--prefer-offline', tarball], project);
    }
    writeFileSync(join(project, 'check.mjs'), SCRIPT);
    const { stdout } = await run(process.execPath, ['check.mjs'], { cwd: project, timeout: 60_000 });
    const result = JSON.parse(stdout) as { orders: number; answers: number; networkPath: string };
    expect(result.orders).toBe(12);
    expect(result.answers).toBe(12);
    expect(result.networkPath).toBe(join(project, 'node_modules', 'xbroute', 'data', 'network.json'));
  }, 90_000);
});
