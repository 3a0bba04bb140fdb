// A bad scenario is a located error: the file, the edit (`edits[i]`) and its field, for
// mistakes of form (the schema) and of meaning (an unknown lane, stock that is not there);
// every bad edit of a file is reported in one go and nothing of the scenario is kept.
import { describe, expect, it } from 'vitest';
import { InputError, type InputProblem } from '../../src/domain/errors.js';
import { readScenarioText } from '../../src/io/scenario.js';
import { applyScenario } from '../../src/scenario/apply.js';
import type { ScenarioEdit } from '../../src/scenario/schema.js';
import { scenarioOf, tinyExample } from './fixtures.js';

function problemsOf(...edits: ScenarioEdit[]): InputProblem[] {
  try {
    applyScenario(tinyExample(), scenarioOf(edits), 'b.json');
  } catch (error) {
    if (error instanceof InputError) return [...error.problems];
    throw error;
  }
  throw new Error('expected an InputError');
}
const located = (p: InputProblem) => ({ file: p.file, where: p.where, field: p.field });

describe('located scenario errors', () => {
  it('names the edit and field of an unknown lane or node', () => {
    const problems = problemsOf(
      { kind: 'set_allotment', lane: 'AIR:LAX-PVG:MU', maxUldsPerDeparture: 2 },
      { kind: 'close_lane', lane: 'AIR:LAX-PVG:XX', from: '2026-11-11' },
      { kind: 'set_port_capacity', node: 'CP-CAN', dailyParcelCapacity: 10 },
    );
    expect(problems.map(located)).toEqual([
      { file: 'b.json', where: 'edits[1].lane', field: 'lane' },
      { file: 'b.json', where: 'edits[2].node', field: 'node' },
    ]);
    expect(problems[0]?.found).toBe('"AIR:LAX-PVG:XX"');
  });

  it('refuses an edit that does not fit its target', () => {
    const problems = problemsOf(
      { kind: 'add_departure', lane: 'TRK:SB-LAX:AP-LAX', weekdays: [1], time: '10:00' },
      { kind: 'set_port_capacity', node: 'AP-PVG', dailyParcelCapacity: 10 },
      { kind: 'set_allotment', lane: 'LM:CP-PVG:Z-SH', maxUldsPerDeparture: 1 },
      { kind: 'close_node', node: 'Z-SH', from: '2026-11-11' },
      { kind: 'close_lane', lane: 'AIR:LAX-PVG:MU', from: '2026-11-12', to: '2026-11-11' },
      { kind: 'close_lane', lane: 'AIR:LAX-PVG:MU', from: '2026-02-30' },
    );
    expect(problems.map((p) => p.where)).toEqual([
      'edits[0].lane', 'edits[1].node', 'edits[2].lane', 'edits[3].node', 'edits[4].to', 'edits[5].from',
    ]);
  });

  it('refuses moving more stock than is held, and to a node that holds none', () => {
    const problems = problemsOf(
      { kind: 'move_stock', sku: 'WATCH', from: 'SB-LAX', to: 'SB-FRA', qty: 3 },
      { kind: 'move_stock', sku: 'VIT-C', from: 'SB-LAX', to: 'AP-PVG', qty: 1 },
    );
    expect(problems.map(located)).toEqual([
      { file: 'b.json', where: 'edits[0].qty', field: 'qty' },
      { file: 'b.json', where: 'edits[1].to', field: 'to' },
    ]);
    expect(problems[0]?.expected).toContain('at most the 2 units of WATCH');
  });

  it('an added lane is held to the network rules: a duplicate id, an unknown end', () => {
    const lane = structuredClone(tinyExample().network.lanes.find((l) => l.id === 'AIR:LAX-PVG:MU'));
    if (lane === undefined) throw new Error('fixture lane missing');
    const problems = problemsOf(
      { kind: 'add_lane', lane },
      { kind: 'add_lane', lane: { ...lane, id: 'AIR:LAX-CAN:MU', to: 'AP-CAN' } },
    );
    expect(problems.map(located)).toEqual([
      { file: 'b.json', where: 'edits[0].lane.id', field: 'id' },
      { file: 'b.json', where: 'edits[1].lane.to', field: 'to' },
    ]);
  });

  it('mistakes of form are located by the schema, with the file', () => {
    const text = JSON.stringify({
      schema: 'xbroute.scenario/v1',
      name: 'x',
      edits: [{ kind: 'close_lane', lane: 'AIR:LAX-PVG:MU', from: '11/11/2026' }, { kind: 'close_everything' }],
    });
    const { value, problems } = readScenarioText(text, 'c.json');
    expect(value).toBeUndefined();
    expect(problems.map(located)).toEqual([
      { file: 'c.json', where: 'edits[0].from', field: 'from' },
      { file: 'c.json', where: 'edits[1].kind', field: 'kind' },
    ]);
    expect(readScenarioText('{"schema":"xbroute.network/v1"}', 'd.json').problems.map(located)).toEqual([
      { file: 'd.json', where: 'schema', field: 'schema' },
    ]);
  });
});
