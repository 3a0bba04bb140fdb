// Reading a saved plan file (the I/O edge): the text, its JSON, then the `Plan` schema. Every
// problem is an InputError naming the file and the JSON path, so a damaged plan reads like
// any other bad input. Whether the plan is *right* is the verifier's question, not this one's.
import { InputError } from '../domain/errors.js';
import { PLAN_SCHEMA, Plan } from '../domain/plan.js';
import { readJsonDocument } from './json-text.js';
import { readInputFile } from './load.js';
import { ProblemList, addZodIssues, jsonPlace } from './problems.js';

/** Reads and schema-checks a plan JSON file; an InputError names the file and the JSON path. */
export function loadPlan(path: string): Plan {
  const read = readInputFile(path);
  if ('problem' in read) throw new InputError([read.problem]);
  const list = new ProblemList(path);
  const root = readJsonDocument(read.text, PLAN_SCHEMA, list);
  if (root !== undefined) {
    const parsed = Plan.safeParse(root);
    if (parsed.success) return parsed.data;
    addZodIssues(list, parsed.error.issues, jsonPlace(root));
  }
  throw new InputError(list.all());
}
