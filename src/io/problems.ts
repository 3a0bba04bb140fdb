// Building located input problems: a capped collector, JSON paths, readable descriptions of
// found values, and the mapping of zod v4 issues onto InputProblems.
import type { z } from 'zod';
import { InputError, type InputProblem } from '../domain/errors.js';

/** Problems kept per file; past this only a count is kept, so a 100k-row file with one
 *  systematic mistake cannot exhaust memory or bury the terminal. */
export const MAX_PROBLEMS_PER_FILE = 1000;

/** Field name of the summary problem that stands for the problems past the cap. */
export const MORE_PROBLEMS_FIELD = '(more problems)';

/** The summary problem standing for `omitted` problems of one severity past the cap. */
function moreProblems(file: string, omitted: number, severity: 'error' | 'warning'): InputProblem {
  return {
    file,
    where: 'whole file',
    field: MORE_PROBLEMS_FIELD,
    expected: `at most ${MAX_PROBLEMS_PER_FILE} problems listed`,
    found: `${omitted} more ${severity === 'warning' ? 'warnings ' : ''}not listed`,
    severity,
  };
}

/**
 * Collects the problems of one file, keeping the first MAX_PROBLEMS_PER_FILE and counting the
 * rest, errors and warnings apart (omitted warnings must not make a file fail).
 */
export class ProblemList {
  readonly problems: InputProblem[] = [];
  private omittedErrors = 0;
  private omittedWarnings = 0;
  /** (where, field) pairs already reported: a cell that failed to parse is not reported again by the schema. */
  private readonly seen = new Set<string>();

  constructor(readonly file: string) {}

  add(where: string, field: string, expected: string, found: string, severity: 'error' | 'warning' = 'error'): void {
    this.push({ file: this.file, where, field, expected, found, severity });
  }

  push(problem: InputProblem): void {
    const key = `${problem.where}\u0000${problem.field}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.problems.length < MAX_PROBLEMS_PER_FILE) this.problems.push(problem);
    else if (problem.severity === 'warning') this.omittedWarnings += 1;
    else this.omittedErrors += 1;
  }

  /** Marks (where, field) as reported without a problem: a follow-on of one already reported. */
  suppress(where: string, field: string): void {
    this.seen.add(`${where}\u0000${field}`);
  }

  has(where: string, field: string): boolean {
    return this.seen.has(`${where}\u0000${field}`);
  }

  get errorCount(): number {
    return this.problems.filter((p) => p.severity === 'error').length + this.omittedErrors;
  }

  /** The problems, with a summary problem standing for those past the cap (one per severity). */
  all(): InputProblem[] {
    const all = [...this.problems];
    if (this.omittedErrors > 0) all.push(moreProblems(this.file, this.omittedErrors, 'error'));
    if (this.omittedWarnings > 0) all.push(moreProblems(this.file, this.omittedWarnings, 'warning'));
    return all;
  }
}

/**
 * One file's problems cut to MAX_PROBLEMS_PER_FILE, the rest counted in one summary problem
 * (added to the count of a summary already there): for problems collected in several passes.
 */
export function capPerFile(problems: readonly InputProblem[]): InputProblem[] {
  const kept: InputProblem[] = [];
  const keptPerFile = new Map<string, number>();
  const omitted = new Map<string, { file: string; severity: 'error' | 'warning'; count: number }>();
  const omit = (file: string, severity: 'error' | 'warning', count: number): void => {
    const key = `${file}\u0000${severity}`;
    const entry = omitted.get(key) ?? { file, severity, count: 0 };
    entry.count += count;
    omitted.set(key, entry);
  };
  for (const p of problems) {
    if (p.field === MORE_PROBLEMS_FIELD) {
      omit(p.file, p.severity, Number(/^(\d+) more/.exec(p.found)?.[1] ?? 0));
      continue;
    }
    const n = keptPerFile.get(p.file) ?? 0;
    if (n >= MAX_PROBLEMS_PER_FILE) omit(p.file, p.severity, 1);
    else {
      keptPerFile.set(p.file, n + 1);
      kept.push(p);
    }
  }
  for (const { file, severity, count } of omitted.values()) if (count > 0) kept.push(moreProblems(file, count, severity));
  return kept;
}

/** Errors first (stable), as InputError documents. */
export function sortProblems(problems: readonly InputProblem[]): InputProblem[] {
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity === 'warning')];
}

/** Throws an InputError when any problem is an error; returns the warnings otherwise. */
export function throwIfErrors(problems: readonly InputProblem[]): InputProblem[] {
  if (problems.some((p) => p.severity === 'error')) throw new InputError(sortProblems(problems));
  return problems.filter((p) => p.severity === 'warning');
}

/** `lanes[3].schedule.departures[0].time` from zod's path array. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][\w$]*$/.test(name) ? `${out === '' ? '' : '.'}${name}` : `[${JSON.stringify(name)}]`;
    }
  }
  return out === '' ? '(top level)' : out;
}

/** The last named (non-index) key of a path: the field a problem is about. */
export function fieldOf(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const key = path[i];
    if (typeof key === 'string') return key;
  }
  return '(document)';
}

/** The value at `path` in `data`, or undefined when any step is missing. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A short, unambiguous description of a found value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' ? 'an empty string' : JSON.stringify(truncate(value, 60));
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

type ZodIssue = z.core.$ZodIssue;

/** What a zod issue expected, phrased for a planner rather than a programmer. */
export function expectedOf(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'an integer' : `${article(issue.expected)} ${issue.expected}`;
    case 'too_small':
      return bound(issue.origin, issue.minimum, issue.inclusive === true, 'min');
    case 'too_big':
      return bound(issue.origin, issue.maximum, issue.inclusive === true, 'max');
    case 'invalid_format':
      if (issue.format === 'datetime') return 'an ISO 8601 date-time with a UTC offset, e.g. 2026-11-11T09:30:00+08:00';
      return issue.message.startsWith('must be ') ? issue.message.slice('must be '.length) : `a valid ${issue.format}`;
    case 'invalid_value':
      return issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
    {
      // Only the no-match variant (a discriminator no option has) lists the options.
      const options = 'options' in issue ? issue.options : undefined;
      if (options !== undefined && options.length > 0) return `one of ${options.map((v) => JSON.stringify(v)).join(', ')}`;
    }
      return 'a value of one of the allowed shapes';
    case 'not_multiple_of':
      return `a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return 'only the documented fields';
    case 'custom':
      if (issue.message.startsWith('needs ')) return issue.message.slice('needs '.length);
      return issue.message.startsWith('must be ') ? issue.message.slice('must be '.length) : issue.message;
    default:
      return issue.message;
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function bound(origin: string, limit: number | bigint, inclusive: boolean, side: 'min' | 'max'): string {
  const n = Number(limit);
  if (origin === 'array' || origin === 'set') {
    const count = side === 'min' ? (inclusive ? n : n + 1) : inclusive ? n : n - 1;
    return `${side === 'min' ? 'at least' : 'at most'} ${count} item${count === 1 ? '' : 's'}`;
  }
  if (origin === 'string') {
    const count = side === 'min' ? (inclusive ? n : n + 1) : inclusive ? n : n - 1;
    if (side === 'min' && count === 1) return 'a non-empty string';
    return `${side === 'min' ? 'at least' : 'at most'} ${count} character${count === 1 ? '' : 's'}`;
  }
  const op = side === 'min' ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
  return `a number ${op} ${n}`;
}

/** Where a zod issue is, in the terms of the file it came from. */
export interface IssuePlace {
  where: string;
  field: string;
  found: string;
  /** Replaces the expectation of a custom (refine) issue, whose message names schema fields. */
  expected?: string;
}

/**
 * Maps zod issues onto problems. `place` translates a zod path into the file's terms (a JSON
 * path, or a CSV line and column); unknown keys give one problem per key.
 */
export function addZodIssues(
  list: ProblemList,
  issues: readonly ZodIssue[],
  place: (path: readonly PropertyKey[], issue: ZodIssue) => IssuePlace,
): void {
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const at = place([...issue.path, key], issue);
        list.add(at.where, at.field, expectedOf(issue), `an unknown field "${key}"`);
      }
      continue;
    }
    const at = place(issue.path, issue);
    const custom = issue.code === 'custom';
    const found = custom && at.found.startsWith('nothing') ? 'neither' : at.found;
    list.add(at.where, at.field, custom && at.expected !== undefined ? at.expected : expectedOf(issue), found);
  }
}

/**
 * Validates each element of a JSON array with `schema`: the valid ones with their index in
 * the array (so later checks can still name the right element), every problem of the others
 * added to `list` at `key[i]…`.
 */
export function parseEach<T>(
  items: readonly unknown[],
  schema: { safeParse: (item: unknown) => { success: true; data: T } | { success: false; error: { issues: readonly ZodIssue[] } } },
  key: string,
  list: ProblemList,
  place: (path: readonly PropertyKey[]) => IssuePlace,
): { values: T[]; indexInFile: number[]; rejectedIndexes: number[] } {
  const values: T[] = [];
  const indexInFile: number[] = [];
  const rejectedIndexes: number[] = [];
  items.forEach((item, i) => {
    const result = schema.safeParse(item);
    if (result.success) {
      values.push(result.data);
      indexInFile.push(i);
    } else {
      addZodIssues(list, result.error.issues, (path) => place([key, i, ...path]));
      rejectedIndexes.push(i);
    }
  });
  return { values, indexInFile, rejectedIndexes };
}

/** The placement for JSON documents: the path as written, the found value read from the document. */
export function jsonPlace(data: unknown): (path: readonly PropertyKey[]) => IssuePlace {
  return (path) => ({ where: jsonPath(path), field: fieldOf(path), found: describeValue(valueAt(data, path)) });
}

/** What a reader produced: the valid part of the input, and every problem found in it. */
export interface Parsed<T> {
  value: T;
  problems: InputProblem[];
}

/** The throwing form of a reader: the value, or an InputError carrying every error. */
export function orThrow<T>(parsed: Parsed<T>): T {
  throwIfErrors(parsed.problems);
  return parsed.value;
}
