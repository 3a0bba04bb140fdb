// Named error classes with stable codes; the CLI maps them to exit codes.
// Infeasible orders are *not* errors: they are unplanned answers in the plan.

/** One problem found in an input, located precisely enough to fix it. */
export interface InputProblem {
  /** The file (or "<orders>" etc. for in-memory input). */
  file: string;
  /** 1-based data row for CSV (header is row 1), or a JSON path such as "lanes[3].schedule.time". */
  where: string;
  field: string;
  expected: string;
  found: string;
  severity: 'error' | 'warning';
}

export function formatProblem(p: InputProblem): string {
  return `${p.file}: ${p.where}: ${p.field}: expected ${p.expected}, found ${p.found}`;
}

export const EXIT = { ok: 0, usage: 1, invalidInput: 2, internal: 3 } as const;

/** Bad input: carries every problem found (errors first), so one run reports them all. */
export class InputError extends Error {
  readonly code = 'INVALID_INPUT';
  constructor(readonly problems: readonly InputProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    const first = errors[0];
    super(
      first === undefined
        ? 'invalid input'
        : `${formatProblem(first)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
    );
    this.name = 'InputError';
  }
}

/** Wrong use of a command or API option. */
export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A plan that failed the independent verifier: a bug in a planner, never shown as a result. */
export class VerificationError extends Error {
  readonly code = 'VERIFICATION_FAILED';
  constructor(readonly violations: readonly { rule: string; message: string }[]) {
    super(`plan failed verification: ${violations.length} violation(s); first: ${violations[0]?.message ?? '?'}`);
    this.name = 'VerificationError';
  }
}
