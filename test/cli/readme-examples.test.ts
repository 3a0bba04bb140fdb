// The README's checked examples (blocks marked `<!-- example -->` starting with a command, and
// the files they run, marked `<!-- example: file NAME -->`) are run, in README order, in a fresh directory on the bundled data, and each command's
// output must be the README's, up to elapsed seconds and the directory's absolute path.
// After a change that moves figures: `npm run readme:examples -- --update`, then review.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { README, exampleBlocks, exampleSandbox, normalise } from '../fixtures/readme-examples.js';

const blocks = exampleBlocks(readFileSync(README, 'utf8'));
const sandbox = exampleSandbox();
for (const block of blocks) if (block.file !== undefined) sandbox.write(block.file);
afterAll(() => sandbox.cleanup());
let last = 0;

describe.sequential('README examples', () => {
  it('has checked examples for every command', () => {
    const commands = new Set(blocks.flatMap((b) => b.commands.map((c) => /^xbroute (\w+)/.exec(c.command)?.[1]).filter((c) => c !== undefined)));
    expect([...commands].sort()).toEqual(expect.arrayContaining(['compare', 'explain', 'generate', 'info', 'plan', 'route', 'validate', 'verify']));
  });

  it('runs the library example it shows', () => {
    const files = blocks.flatMap((b) => (b.file === undefined ? [] : [b.file.name]));
    expect(files).toContain('plan-sample.mjs');
    expect(blocks.some((b) => b.commands.some((c) => c.command.startsWith('node plan-sample.mjs')))).toBe(true);
  });

  for (const block of blocks) {
    if (block.file !== undefined) continue;
    it(`README line ${block.line + 1}: ${block.commands[0]?.command ?? ''}`, () => {
      for (const c of block.commands) {
        const { output, code } = sandbox.run(c.command, last);
        last = code;
        expect(normalise(output, sandbox.dir), `$ ${c.command}`).toBe(normalise(c.expected.join('\n'), sandbox.dir));
      }
    }, 180_000);
  }
});
