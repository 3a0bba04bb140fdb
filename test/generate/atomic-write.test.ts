// writeFilesAtomic writes all files or none: injected failures at each step leave neither
// targets nor temp files behind.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE_FS, writeFilesAtomic, type AtomicWriteFs } from '../../src/io/atomic-write.js';

const root = mkdtempSync(join(tmpdir(), 'xbroute-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const freshDir = (): string => mkdtempSync(join(root, `case-${(dirs += 1)}-`));
const files = (dir: string) => [
  { path: join(dir, 'orders.csv'), content: 'orders\n' },
  { path: join(dir, 'stock.csv'), content: 'stock\n' },
];

/** NODE_FS with the n-th call (1-based) of one operation failing. */
function failing(op: 'writeNew' | 'rename', nth: number): AtomicWriteFs {
  let calls = 0;
  return {
    ...NODE_FS,
    [op]: async (a: string, b: string) => {
      calls += 1;
      if (calls === nth) throw new Error(`injected ${op} failure`);
      return op === 'writeNew' ? NODE_FS.writeNew(a, b) : NODE_FS.rename(a, b);
    },
  };
}

describe('writeFilesAtomic', () => {
  it('writes every file with its content and leaves no temp file', async () => {
    const dir = freshDir();
    await writeFilesAtomic(files(dir));
    expect(readdirSync(dir).sort()).toEqual(['orders.csv', 'stock.csv']);
    expect(readFileSync(join(dir, 'stock.csv'), 'utf8')).toBe('stock\n');
  });

  it('replaces existing files', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'orders.csv'), 'old');
    await writeFilesAtomic(files(dir));
    expect(readFileSync(join(dir, 'orders.csv'), 'utf8')).toBe('orders\n');
  });

  it('leaves nothing when the second temp file cannot be written', async () => {
    const dir = freshDir();
    await expect(writeFilesAtomic(files(dir), failing('writeNew', 2))).rejects.toThrow('injected writeNew failure');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes the first target again when the second rename fails', async () => {
    const dir = freshDir();
    await expect(writeFilesAtomic(files(dir), failing('rename', 2))).rejects.toThrow('injected rename failure');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses the same path twice', async () => {
    const dir = freshDir();
    const path = join(dir, 'a.csv');
    await expect(writeFilesAtomic([{ path, content: '1' }, { path, content: '2' }])).rejects.toThrow('same path');
    expect(readdirSync(dir)).toEqual([]);
  });
});
