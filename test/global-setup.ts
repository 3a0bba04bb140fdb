// Vitest global setup: makes sure dist/ is built from the current sources before any test
// runs, because pool workers (and the pack and README tests) run the compiled JS. Skips the
// build when every compiled file is newer than its source, so repeated runs stay quick.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What the worker and the package root import lives here (bench is built too, but no test needs it fresh). */
const SOURCE_DIRS = ['src', 'workers'];

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Whether every source has a compiled file at least as new as itself. */
function distIsFresh(): boolean {
  return SOURCE_DIRS.flatMap((d) => sources(join(ROOT, d))).every((src) => {
    const out = join(ROOT, 'dist', relative(ROOT, src).replace(/\.ts$/, '.js'));
    return existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs;
  });
}

export default function setup(): void {
  if (distIsFresh()) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    // tsc still emits when some file has type errors (another module may be mid-edit); the type
    // check proper is `tsc --noEmit` in `npm test`. Only a missing worker stops the suite.
    const out = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    if (!existsSync(join(ROOT, 'dist', 'workers', 'solve-partition.js'))) throw new Error(`global setup: the build failed:\n${out}`);
    process.stderr.write(`global setup: the build reported errors (compiled output written anyway):\n${out.slice(0, 2000)}\n`);
  }
}
