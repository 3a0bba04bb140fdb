// A solver-neutral (mixed-integer) linear model: minimise c·x subject to row bounds on A·x
// and column bounds on x. Models are built once here and translated by each backend.

export interface Column {
  name: string;
  cost: number;
  lower: number;
  /** Infinity for no upper bound. */
  upper: number;
  integer: boolean;
}

export interface Row {
  name: string;
  /** Sparse coefficients: column index → coefficient. */
  terms: readonly (readonly [number, number])[];
  /** -Infinity / Infinity for a one-sided row. */
  lower: number;
  upper: number;
}

export interface LinearModel {
  columns: Column[];
  rows: Row[];
}

/** Small builder so model code reads like the maths. */
export class ModelBuilder {
  readonly model: LinearModel = { columns: [], rows: [] };

  column(name: string, cost: number, bounds: { lower?: number; upper?: number; integer?: boolean } = {}): number {
    if (!Number.isFinite(cost)) throw new Error(`solvers: column "${name}" has a non-finite cost`);
    this.model.columns.push({ name, cost, lower: bounds.lower ?? 0, upper: bounds.upper ?? Infinity, integer: bounds.integer ?? false });
    return this.model.columns.length - 1;
  }

  row(name: string, terms: readonly (readonly [number, number])[], bounds: { lower?: number; upper?: number }): void {
    this.model.rows.push({ name, terms, lower: bounds.lower ?? -Infinity, upper: bounds.upper ?? Infinity });
  }
}

export function relaxIntegrality(model: LinearModel): LinearModel {
  return { columns: model.columns.map((c) => ({ ...c, integer: false })), rows: model.rows };
}

export function objectiveOf(model: LinearModel, values: ArrayLike<number>): number {
  let sum = 0;
  model.columns.forEach((c, i) => (sum += c.cost * (values[i] ?? 0)));
  return sum;
}
