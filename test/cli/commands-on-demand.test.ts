// The CLI declares only the command a run names (its start-up imports that command's modules,
// not the service's or the queue's), and every command where the run names none, so `--help`,
// `help <command>` and a misspelt name still see them all.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandsFor } from '../../src/cli/commands/index.js';
import { runCli } from '../fixtures/run-cli.js';

const ALL = COMMANDS.map((c) => c.name);

describe('commands loaded on demand', () => {
  it('a run that names a command declares that one alone, wherever its options are', () => {
    expect(commandsFor(['plan', '--orders', 'o.csv', '--time-limit', '5']).map((c) => c.name)).toEqual(['plan']);
    expect(commandsFor(['--no-color', 'serve', '--port', '0']).map((c) => c.name)).toEqual(['serve']);
  });

  it('declares every command, in the listed order, for --help, help, no command or an unknown one', () => {
    for (const argv of [[], ['--help'], ['help', 'plan'], ['pla', '--orders', 'x.csv'], ['-V']]) {
      expect(commandsFor(argv).map((c) => c.name)).toEqual(ALL);
    }
  });

  it('--help lists every command, and a misspelt one is still answered with a suggestion', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const name of ALL) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    const typo = await runCli(['plam']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('Did you mean plan?');
  });

  it('each entry loads the module that declares the command it is named for', async () => {
    for (const entry of COMMANDS) {
      const { register } = await entry.load();
      const program = new Command('xbroute');
      register(program, { stdout: () => undefined, stderr: () => undefined, isTty: false }, { exitCode: 0 });
      expect(program.commands.map((c) => c.name())).toEqual([entry.name]);
    }
  });
});
