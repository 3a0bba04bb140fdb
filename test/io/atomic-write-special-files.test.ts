// Targets that are not regular files are written through, never replaced: a pipe (FIFO) gets
// the content and stays a pipe; a failing device (/dev/full) fails the write with ENOSPC and
// leaves the regular targets as they were; a symlink's target is written and the link stays a
// link (also a dangling one, whose target is created).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFilesAtomic } from '../../src/io/atomic-write.js';

const root = mkdtempSync(join(tmpdir(), 'xbroute-special-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = (): string => mkdtempSync(join(root, `case-${(n += 1)}-`));

describe('writeFilesAtomic on files that are not regular', () => {
  it('writes through a pipe, which stays a pipe', async () => {
    const dir = freshDir();
    const fifo = join(dir, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => {
      read += chunk.toString('utf8');
    });
    const closed = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    await writeFilesAtomic([{ path: fifo, content: 'through the pipe\n' }]);
    await closed;
    expect(read).toBe('through the pipe\n');
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.fifo']);
  });

  it('fails with ENOSPC on /dev/full, leaves it a device and the other target untouched', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'plan.json'), 'old\n');
    await expect(
      writeFilesAtomic([
        { path: join(dir, 'plan.json'), content: 'new\n' },
        { path: '/dev/full', content: 'x' },
      ]),
    ).rejects.toMatchObject({ code: 'ENOSPC', path: '/dev/full' });
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['plan.json']);
  });

  it('writes a symlink\'s target; the link stays a link', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'real.json'), 'old\n');
    symlinkSync('real.json', join(dir, 'link.json'));
    await writeFilesAtomic([{ path: join(dir, 'link.json'), content: 'new\n' }]);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe('real.json');
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('new\n');
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real.json']);
  });

  it('creates the target of a dangling symlink in the link target\'s directory', async () => {
    const dir = freshDir();
    const elsewhere = freshDir();
    symlinkSync(join(elsewhere, 'plan.json'), join(dir, 'plan.json'));
    await writeFilesAtomic([{ path: join(dir, 'plan.json'), content: 'new\n' }]);
    expect(lstatSync(join(dir, 'plan.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(elsewhere, 'plan.json'), 'utf8')).toBe('new\n');
    expect(existsSync(join(elsewhere, 'plan.json'))).toBe(true);
    expect(readdirSync(elsewhere)).toEqual(['plan.json']);
  });
});
