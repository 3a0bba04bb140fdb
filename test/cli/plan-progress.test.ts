// The progress line of `xbroute plan` on an interactive stderr: every phase from loading to
// writing appears; candidates count orders, solving counts partitions, bounding counts
// iterations (a moving marker, never a bar stuck full); every frame shows the time elapsed,
// and a phase with a total shows an estimate of its time left. The line is cleared at the end.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { tempDir } from '../fixtures/tiny.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('xbroute plan: progress on a terminal', () => {
  it('shows phases, counts, elapsed time and an estimate', async () => {
    let stderr = '';
    let stdout = '';
    const code = await run(['plan', '--solver', 'heuristic', '--out', join(tmp.dir, 'plan.json')], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      isTty: true,
    });
    expect(code).toBe(0);
    const frames = stderr.split('\r\u001b[K').filter((f) => f !== '');
    const phases = [...new Set(frames.map((f) => f.split(' ')[0]))];
    expect(phases).toEqual(['loading', 'candidates', 'solving', 'bounding', 'verifying', 'writing']);
    for (const f of frames) expect(f).toMatch(/\(\d+\.\d s elapsed(, ~\d+\.\d s left)?\)$/);
    expect(frames.some((f) => /^candidates +\[[#.]{24}\] \d+\/1000 orders/.test(f))).toBe(true);
    expect(frames.some((f) => /^candidates .*\/1000 orders \(.*, ~\d+\.\d s left\)$/.test(f))).toBe(true);
    expect(frames.some((f) => /^solving +\[[#.]{24}\] \d+\/\d+ partitions/.test(f))).toBe(true);
    const bounding = frames.filter((f) => f.startsWith('bounding'));
    expect(bounding.some((f) => / iteration \d+ /.test(f))).toBe(true);
    for (const f of bounding) expect(f).not.toContain('#'.repeat(24));
    // Cleared: the last thing on stderr is the erase sequence, and the summary is on stdout.
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(stdout).toMatch(/^written +.*plan\.json$/m);
  }, 60_000);
});
