// A scenario file from JSON text: syntax, schema version, then the zod schema, every problem
// located (`edits[2].lane`). Pure: text and a file label in, the scenario or problems out.
import { SCENARIO_SCHEMA, Scenario } from '../scenario/schema.js';
import { readJsonDocument } from './json-text.js';
import { type Parsed, ProblemList, addZodIssues, jsonPlace, orThrow } from './problems.js';

export function readScenarioText(text: string, file: string): Parsed<Scenario | undefined> {
  const list = new ProblemList(file);
  const root = readJsonDocument(text, SCENARIO_SCHEMA, list);
  if (root === undefined) return { value: undefined, problems: list.all() };
  const result = Scenario.safeParse(root);
  if (!result.success) {
    addZodIssues(list, result.error.issues, jsonPlace(root));
    return { value: undefined, problems: list.all() };
  }
  return { value: result.data, problems: list.all() };
}

/** The scenario, or an InputError carrying every problem of the file. */
export function parseScenarioText(text: string, file: string): Scenario {
  const scenario = orThrow(readScenarioText(text, file));
  if (scenario === undefined) throw new Error('internal: scenario without errors but no value');
  return scenario;
}
