// The edge of the delivery promise: `planner.quote(order, options)` checks the order like a
// batch of one, honours AbortSignal, and asks the pure core (src/optimise/quote.ts) against the
// base plan given or held by the planner, or against an empty network when there is none.
import { UsageError } from '../domain/errors.js';
import type { NetworkIndex } from '../domain/network-index.js';
import type { Network } from '../domain/network.js';
import type { Order, StockRecord } from '../domain/orders.js';
import type { Plan } from '../domain/plan.js';
import type { ItineraryContext } from '../graph/index.js';
import { type OrderQuote, type QuoteBase, quoteBase, quoteOrder } from '../optimise/quote.js';
import { AbortError } from '../pool/errors.js';
import { checkOrdersValue } from './check-inputs.js';

export type {
  OrderQuote, ModeQuote, PromisedMode, UnpromisedMode, QuoteParcel, QuoteLeg,
} from '../optimise/quote.js';

export interface QuoteOptions {
  /** Price against this plan's departures and stock instead of the planner's base plan. */
  against?: Plan;
  /** Aborting rejects the quote with an AbortError. */
  signal?: AbortSignal;
}

/** What a planner keeps for quoting: its inputs and one base per plan (built once, reused). */
export class Quoter {
  readonly #bases = new WeakMap<Plan, QuoteBase>();
  #empty: QuoteBase | null = null;
  #basePlan: Plan | null = null;

  constructor(
    private readonly network: Network,
    private readonly stock: readonly StockRecord[],
    private readonly index: NetworkIndex,
    private readonly ctx: ItineraryContext,
  ) {}

  setBasePlan(plan: Plan | null): void {
    if (plan !== null && plan.network !== this.index.network.name) {
      // A plan of another network would price departures that do not exist here.
      throw new UsageError(`planner.setBasePlan: the plan is of network "${plan.network}", the planner's is "${this.index.network.name}"`);
    }
    this.#basePlan = plan;
  }

  get basePlan(): Plan | null {
    return this.#basePlan;
  }

  async quote(order: Order, options: QuoteOptions = {}): Promise<OrderQuote> {
    const { signal } = options;
    // A function, not a narrowed property: the signal may change while the quote runs.
    const aborted = (): boolean => signal?.aborted === true;
    if (aborted()) throw new AbortError(signal?.reason);
    const [checked] = checkOrdersValue([order], this.network, this.stock);
    if (checked === undefined) throw new Error('internal: a checked order vanished');
    const quote = quoteOrder(this.ctx, checked, this.baseOf(options.against ?? this.#basePlan));
    // One order is quick (see bench/quote.bench.ts): the abort is honoured on either side of it.
    if (aborted()) throw new AbortError(signal?.reason);
    return quote;
  }

  private baseOf(plan: Plan | null): QuoteBase {
    if (plan === null) return (this.#empty ??= quoteBase(this.stock, null));
    let base = this.#bases.get(plan);
    if (base === undefined) this.#bases.set(plan, (base = quoteBase(this.stock, plan)));
    return base;
  }
}
