// All outputs of one write are committed together or not at all: when the second rename fails,
// the first target — already replaced — gets its old content back, and no temp or backup file
// is left; a target that is a directory fails before anything is touched.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type AtomicWriteFs, NODE_FS, writeFilesAtomic } from '../../src/io/atomic-write.js';

const root = mkdtempSync(join(tmpdir(), 'xbroute-rollback-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = (): string => mkdtempSync(join(root, `case-${(n += 1)}-`));

/** NODE_FS whose second rename fails, as a rename onto a directory or a vanished disk would. */
function secondRenameFails(): AtomicWriteFs {
  let renames = 0;
  return {
    ...NODE_FS,
    rename: async (from, to) => {
      renames += 1;
      // Rollback renames (backups put back) come after the failure and must work.
      if (renames === 2) throw Object.assign(new Error('injected rename failure'), { code: 'EIO', dest: to });
      return NODE_FS.rename(from, to);
    },
  };
}

describe('writeFilesAtomic, second rename fails', () => {
  it('puts back the first target it had already replaced', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'plan.json'), 'old plan\n');
    writeFileSync(join(dir, 'plan.csv'), 'old csv\n');
    const files = [
      { path: join(dir, 'plan.json'), content: 'new plan\n' },
      { path: join(dir, 'plan.csv'), content: 'new csv\n' },
    ];
    await expect(writeFilesAtomic(files, secondRenameFails())).rejects.toThrow('injected rename failure');
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toBe('old plan\n');
    expect(readFileSync(join(dir, 'plan.csv'), 'utf8')).toBe('old csv\n');
    expect(readdirSync(dir).sort()).toEqual(['plan.csv', 'plan.json']);
  });

  it('removes a first target it created and keeps an old second one', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'plan.csv'), 'old csv\n');
    const files = [
      { path: join(dir, 'plan.json'), content: 'new plan\n' },
      { path: join(dir, 'plan.csv'), content: 'new csv\n' },
    ];
    await expect(writeFilesAtomic(files, secondRenameFails())).rejects.toThrow('injected rename failure');
    expect(readdirSync(dir)).toEqual(['plan.csv']);
    expect(readFileSync(join(dir, 'plan.csv'), 'utf8')).toBe('old csv\n');
  });

  it('refuses a target that is a directory before replacing anything', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'plan.json'), 'old plan\n');
    mkdirSync(join(dir, 'plan.csv'));
    const files = [
      { path: join(dir, 'plan.json'), content: 'new plan\n' },
      { path: join(dir, 'plan.csv'), content: 'new csv\n' },
    ];
    await expect(writeFilesAtomic(files)).rejects.toMatchObject({ code: 'EISDIR' });
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toBe('old plan\n');
    expect(readdirSync(dir).sort()).toEqual(['plan.csv', 'plan.json']);
  });

  it('replaces both and leaves no backup when every rename works', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'plan.json'), 'old plan\n');
    await writeFilesAtomic([
      { path: join(dir, 'plan.json'), content: 'new plan\n' },
      { path: join(dir, 'plan.csv'), content: 'new csv\n' },
    ]);
    expect(readdirSync(dir).sort()).toEqual(['plan.csv', 'plan.json']);
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toBe('new plan\n');
  });
});
