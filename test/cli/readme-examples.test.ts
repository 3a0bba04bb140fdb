// The README's checked examples (blocks marked `<!-- example -->` starting with `$ xbroute`)
// are run, in README order, in a fresh directory on the bundled data, and each command's
// output must be the README's, up to elapsed seconds and the directory's absolute path.
// After a change that moves figures: `npm run readme:examples -- --update`, then review.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { README, exampleBlocks, exampleSandbox, normalise } from '../fixtures/readme-examples.js';

const blocks = exampleBlocks(readFileSync(README, 'utf8'));
const sandbox = exampleSandbox();
afterAll(() => sandbox.cleanup());
let last = 0;

describe.sequential('README examples', () => {
  it('has checked examples for every command', () => {
    const commands = new Set(blocks.flatMap((b) => b.commands.map((c) => /^xbroute (\w+)/.exec(c.command)?.[1]).filter((c) => c !== undefined)));
    expect([...commands].sort()).toEqual(expect.arrayContaining(['compare', 'explain', 'generate', 'info', 'plan', 'route', 'validate', 'verify']));
  });

  for (const block of blocks) {
    it(`README line ${block.line + 1}: ${block.commands[0]?.command ?? ''}`, () => {
      for (const c of block.commands) {
        const { output, code } = sandbox.run(c.command, last);
        last = code;
        expect(normalise(output, sandbox.dir), `$ ${c.command}`).toBe(normalise(c.expected.join('\n'), sandbox.dir));
      }
    }, 180_000);
  }
});
