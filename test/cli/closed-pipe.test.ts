// A reader that stops early (`xbroute plan --out - | head`) closes the pipe under the bin: it
// ends as a process killed by SIGPIPE would, status 141 — not with a stack trace or status 3.
// Runs the built bin: the handler is on the process's own stdout.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/cli/paths.js';

const BIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

describe('stdout closed by its reader', () => {
  it('ends with status 141, no error reported', async () => {
    // Something far longer than a pipe's buffer, so the bin is still writing when the reader
    // goes: the bundled batch's plan JSON (~2 MB; the baseline makes it in about a second).
    const child = spawn(process.execPath, [BIN, 'plan', '--solver', 'baseline', '--out', '-'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(141);
    expect(stderr).not.toMatch(/error|EPIPE|\n\s+at /i);
  });
});
