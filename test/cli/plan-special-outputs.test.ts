// `xbroute plan` outputs that are not plain new files: a --csv that is a directory keeps the
// old plan.json (all or none); `-` and /dev/stdout put the file on stdout and the summary on
// stderr; /dev/full (a device that fails) and a full disk (ENOSPC) exit 1 with one clear line
// and no stack trace; a symlinked --out is written through, the link stays a link.
import { lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../src/cli/paths.js';
import { reportError } from '../../src/cli/context.js';
import { writeOutputs } from '../../src/cli/outputs.js';
import type { Plan } from '../../src/domain/plan.js';
import { NODE_FS } from '../../src/io/atomic-write.js';
import { runCli } from '../fixtures/run-cli.js';
import { tempDir } from '../fixtures/tiny.js';

const EXAMPLE = join(DATA_DIR, 'examples', 'tiny');
const FAST = ['--network', join(EXAMPLE, 'network.json'), '--orders', join(EXAMPLE, 'orders.csv'), '--stock', join(EXAMPLE, 'stock.csv'), '--solver', 'heuristic'];

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let dirs = 0;
function outDir(): string {
  const dir = join(tmp.dir, `out-${++dirs}`);
  mkdirSync(dir);
  return dir;
}

describe('xbroute plan: outputs that are not plain files', () => {
  it('--csv naming a directory: exit 1, and the old plan.json stays as it was', async () => {
    const dir = outDir();
    writeFileSync(join(dir, 'plan.json'), 'the old plan\n');
    mkdirSync(join(dir, 'plan.csv'));
    const r = await runCli(['plan', ...FAST, '--out', join(dir, 'plan.json'), '--csv', join(dir, 'plan.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--csv: cannot write');
    expect(r.stderr).toContain('no output file was written');
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toBe('the old plan\n');
    expect(readdirSync(dir).sort()).toEqual(['plan.csv', 'plan.json']);
  });

  it.each(['-', '/dev/stdout'])('--out %s: the plan JSON alone on stdout, the summary on stderr', async (path) => {
    const r = await runCli(['plan', ...FAST, '--out', path]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as Plan;
    expect(plan.orders.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(new RegExp(`^orders +${plan.orders.length}$`, 'm'));
    expect(r.stderr).toMatch(/^written +stdout$/m);
  });

  it('--out /dev/full: exit 1, one line naming the option, the device and ENOSPC; the device stays a device', async () => {
    const r = await runCli(['plan', ...FAST, '--out', '/dev/full']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: --out: cannot write "/dev/full": no space left on the device (ENOSPC); no output file was written\n');
    expect(r.stdout).toBe('');
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('a symlinked --out: the file it points to is written, the link stays a link', async () => {
    const dir = outDir();
    symlinkSync('real-plan.json', join(dir, 'plan.json'));
    const r = await runCli(['plan', ...FAST, '--out', join(dir, 'plan.json')]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'plan.json')).isSymbolicLink()).toBe(true);
    const orders = Number(/^orders +(\d+)$/m.exec(r.stdout)?.[1]);
    expect(orders).toBeGreaterThan(0);
    expect((JSON.parse(readFileSync(join(dir, 'real-plan.json'), 'utf8')) as Plan).orders).toHaveLength(orders);
  });
});

describe('a full disk (ENOSPC) while writing the outputs', () => {
  // A full disk cannot be had on demand: the file system fails the temp file's write instead.
  const fullDisk = {
    ...NODE_FS,
    writeNew: async (path: string) => {
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', syscall: 'write', path });
    },
  };

  it('is exit 1 with a message naming the option and the file, no stack trace, and nothing written', async () => {
    const dir = outDir();
    writeFileSync(join(dir, 'plan.json'), 'old\n');
    const files = [
      { option: '--out', path: join(dir, 'plan.json'), content: 'new\n' },
      { option: '--csv', path: join(dir, 'plan.csv'), content: 'new\n' },
    ];
    let stdout = '';
    const error = await writeOutputs(files, (t) => (stdout += t), fullDisk).catch((e: unknown) => e);
    let stderr = '';
    const code = reportError(error, { stdout: () => {}, stderr: (t) => (stderr += t), isTty: false });
    expect(code).toBe(1);
    expect(stderr).toBe(`error: --out: cannot write "${join(dir, 'plan.json')}": no space left on the device (ENOSPC); no output file was written\n`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['plan.json']);
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toBe('old\n');
  });
});
