// The edge of re-planning: `planner.replan(request)` checks the previous plan against the
// network and orders, works out what is booked (src/domain/bookings.ts), applies disruption
// events as closures to the time model (so planner and verifier both honour them), selects the
// orders kept exactly (src/optimise/replan/kept.ts), and hands the planner a batch with those
// orders fixed, the booked parts for the verifier, and the report to put in the plan.
import { ALL_BOOKED, type Booking, bookedConsolidations } from '../domain/bookings.js';
import { hasClosures } from '../domain/closures.js';
import { InputError, type InputProblem, UsageError } from '../domain/errors.js';
import { checkEvents, closuresOf, type Disruption } from '../domain/events.js';
import type { Network } from '../domain/network.js';
import type { Order, StockRecord } from '../domain/orders.js';
import { Plan } from '../domain/plan.js';
import type { PlanBatchOptions } from '../engine/plan-batch.js';
import { createItineraryContext, type ItineraryContext } from '../graph/index.js';
import { keptDraws, selectKept } from '../optimise/replan/kept.js';
import { replanReport } from '../optimise/replan/report.js';
import { withClosures } from '../time/closed-time-model.js';
import { ProblemList, addZodIssues, jsonPlace, throwIfErrors } from '../io/problems.js';

export const PREVIOUS_LABEL = '<previous plan>';
export const EVENTS_LABEL = '<events>';

export interface ReplanRequest {
  /** The plan re-planned (e.g. `loadPlan(path)`); checked against the Plan schema here. */
  previous: Plan;
  /** The previous plan's orders (every order it answers) and the new ones, in one list. */
  orders: readonly Order[];
  /** What of the previous plan is booked. @default every consolidation */
  booking?: Booking;
  /** Disruptions since the previous plan (`loadEvents(path, index)`); checked here. */
  events?: readonly Disruption[];
}

/** What the planner needs to run a re-plan: its itinerary context (closures applied) and the batch options. */
export interface PreparedReplan {
  ctx: ItineraryContext;
  replan: NonNullable<PlanBatchOptions['replan']>;
}

export function prepareReplan(network: Network, baseCtx: ItineraryContext, stock: readonly StockRecord[], request: ReplanRequest, orders: readonly Order[]): PreparedReplan {
  const previous = checkPrevious(request.previous, network);
  const index = baseCtx.model.index;
  const events = request.events ?? [];
  throwIfErrors(checkEvents(events, index, EVENTS_LABEL));
  const closures = closuresOf(events);
  // A new context when closures apply: its memoised itineraries are of the closed network.
  const ctx = hasClosures(closures) ? createItineraryContext(withClosures(baseCtx.model, closures)) : baseCtx;

  const byId = new Map(orders.map((o) => [o.id, o]));
  const missing = previous.orders.filter((a) => !byId.has(a.order)).map((a) => a.order);
  if (missing.length > 0) {
    throw new UsageError(
      `planner.replan: the orders must include every order of the previous plan; missing ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`,
    );
  }
  const booking = request.booking ?? ALL_BOOKED;
  const booked = bookedConsolidations(previous, booking);
  const selection = selectKept(ctx.model, previous, byId, booked);
  checkKeptStock(stock, keptDraws(byId, selection.fixed));
  const bookingReport = {
    ...(booking.beforeMs === undefined ? {} : { before: new Date(booking.beforeMs).toISOString() }),
    ...(booking.ids === undefined ? {} : { ids: [...booking.ids] }),
  };
  return {
    ctx,
    replan: {
      fixed: selection.fixed,
      booked: { previous, consolidations: booked },
      report: (plan) => replanReport({ previous, booked, booking: bookingReport, selection }, plan),
    },
  };
}

function checkPrevious(value: unknown, network: Network): Plan {
  const list = new ProblemList(PREVIOUS_LABEL);
  const parsed = Plan.safeParse(value);
  if (!parsed.success) {
    addZodIssues(list, parsed.error.issues, jsonPlace(value));
    throwIfErrors(list.all());
    throw new Error('internal: plan schema failed without problems');
  }
  if (parsed.data.network !== network.name) {
    throw new UsageError(`planner.replan: the previous plan is of network "${parsed.data.network}", the planner's is "${network.name}"`);
  }
  return parsed.data;
}

/** The kept parcels draw on the stock given (the stock the whole re-plan draws on): it must hold them. */
function checkKeptStock(stock: readonly StockRecord[], draws: ReturnType<typeof keptDraws>): void {
  const held = new Map<string, number>();
  for (const r of stock) held.set(`${r.node}\u0000${r.sku}`, (held.get(`${r.node}\u0000${r.sku}`) ?? 0) + r.qty);
  const problems: InputProblem[] = [];
  for (const [key, d] of draws) {
    const have = held.get(key) ?? 0;
    if (have >= d.qty) continue;
    problems.push({
      file: '<stock>',
      where: `${d.node} × ${d.sku}`,
      field: 'qty',
      expected: `at least ${d.qty} units (the kept parcels of the previous plan draw them; give the stock before they were picked)`,
      found: String(have),
      severity: 'error',
    });
  }
  if (problems.length > 0) throw new InputError(problems);
}
