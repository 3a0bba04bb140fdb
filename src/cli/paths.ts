// Where the bundled data lives, whether we run from src/ (vitest, tsx) or dist/ (the bin).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('internal: cannot find the xbroute package root');
    dir = parent;
  }
}

export const PACKAGE_ROOT = packageRoot();
export const DATA_DIR = join(PACKAGE_ROOT, 'data');
export const DEFAULT_NETWORK = join(DATA_DIR, 'network.json');
export const DEFAULT_ORDERS = join(DATA_DIR, 'orders-s.csv');
export const DEFAULT_STOCK = join(DATA_DIR, 'stock-s.csv');
