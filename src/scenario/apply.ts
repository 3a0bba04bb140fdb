// Applies a scenario's edits, in order, to a base network and stock. Pure: the base is not
// touched; the answer is a new network and stock, or an InputError whose problems name the
// scenario file, the edit (`edits[3]`) and its field. The edited network then passes the same
// checks as any network file, so an added lane is held to every rule a lane in a file is.
import { STOCK_HOLDING_KINDS, checkNetwork } from '../domain/check-network.js';
import { InputError, type InputProblem } from '../domain/errors.js';
import type { Lane, Network, Node } from '../domain/network.js';
import type { StockRecord } from '../domain/orders.js';
import { dateOf, dayNumber, isValidDate } from '../time/civil-date.js';
import { MAX_CLOSED_DAYS, type Scenario, type ScenarioEdit } from './schema.js';

export interface ScenarioInputs {
  network: Network;
  stock: StockRecord[];
}

/** What an edit needs: the network and stock being edited, and where to report a problem. */
interface EditContext extends ScenarioInputs {
  /** Reports a problem in the edit at `field` (a path inside the edit, e.g. "lane" or "lane.from"). */
  problem(field: string, expected: string, found: string): void;
  lane(field: string, id: string): Lane | undefined;
  node(field: string, id: string): Node | undefined;
}

export function applyScenario(base: ScenarioInputs, scenario: Scenario, file: string): ScenarioInputs {
  const network = structuredClone(base.network);
  const stock = base.stock.map((record) => ({ ...record }));
  const problems: InputProblem[] = [];
  scenario.edits.forEach((edit, i) => {
    const problem = (field: string, expected: string, found: string): void => {
      const last = field.split('.').at(-1) ?? field;
      problems.push({ file, where: `edits[${i}]${field === '' ? '' : `.${field}`}`, field: last, expected, found, severity: 'error' });
    };
    const ctx: EditContext = {
      network,
      stock,
      problem,
      lane: (field, id) => {
        const lane = network.lanes.find((l) => l.id === id);
        if (lane === undefined) problem(field, 'the id of a lane of the network', JSON.stringify(id));
        return lane;
      },
      node: (field, id) => {
        const node = network.nodes.find((n) => n.id === id);
        if (node === undefined) problem(field, 'the id of a node of the network', JSON.stringify(id));
        return node;
      },
    };
    // Every edit is tried, so one run reports every bad edit; none of them is kept then.
    applyEdit(ctx, edit);
  });
  if (problems.length > 0) throw new InputError(problems);
  const after = checkNetwork(network, `${file} (the network after its edits)`).filter((p) => p.severity === 'error');
  if (after.length > 0) throw new InputError(after);
  return { network, stock };
}

function applyEdit(ctx: EditContext, edit: ScenarioEdit): void {
  switch (edit.kind) {
    case 'close_lane': {
      const dates = closureDates(ctx, edit.from, edit.to);
      const lane = ctx.lane('lane', edit.lane);
      if (lane !== undefined && dates !== null) close(lane, dates);
      return;
    }
    case 'close_node': {
      const dates = closureDates(ctx, edit.from, edit.to);
      const node = ctx.node('node', edit.node);
      if (node === undefined || dates === null) return;
      const lanes = ctx.network.lanes.filter((l) => l.from === node.id || (l.to === node.id && l.schedule.kind === 'working_time'));
      if (lanes.length === 0) {
        ctx.problem('node', 'a node that lanes leave or clear into (closing it must change something)', `${JSON.stringify(node.id)}, a ${node.kind} no lane leaves`);
        return;
      }
      for (const lane of lanes) close(lane, dates);
      return;
    }
    case 'add_lane': {
      if (ctx.network.lanes.some((l) => l.id === edit.lane.id)) {
        ctx.problem('lane.id', 'an id no lane of the network has', JSON.stringify(edit.lane.id));
        return;
      }
      const from = ctx.node('lane.from', edit.lane.from);
      const to = ctx.node('lane.to', edit.lane.to);
      if (from !== undefined && to !== undefined) ctx.network.lanes.push(structuredClone(edit.lane));
      return;
    }
    case 'add_departure': {
      const lane = ctx.lane('lane', edit.lane);
      if (lane === undefined) return;
      if (lane.schedule.kind !== 'weekly') {
        ctx.problem('lane', 'a lane with a weekly schedule', `${JSON.stringify(lane.id)}, whose schedule is ${lane.schedule.kind}`);
        return;
      }
      lane.schedule.departures.push({ weekdays: [...edit.weekdays], time: edit.time });
      return;
    }
    case 'scale_rates': {
      const lane = ctx.lane('lane', edit.lane);
      if (lane !== undefined) scaleRates(lane, edit.factor);
      return;
    }
    case 'set_port_capacity': {
      const node = ctx.node('node', edit.node);
      if (node === undefined) return;
      if (node.kind !== 'clearance_port') {
        ctx.problem('node', 'a clearance_port (only ports have a daily parcel capacity)', `${JSON.stringify(node.id)}, a ${node.kind}`);
        return;
      }
      node.dailyParcelCapacity = edit.dailyParcelCapacity;
      return;
    }
    case 'set_allotment': {
      const lane = ctx.lane('lane', edit.lane);
      if (lane === undefined) return;
      if (lane.uld === undefined) {
        ctx.problem('lane', 'a lane that flies ULDs (an allotment counts ULDs)', `${JSON.stringify(lane.id)}, which has no uld`);
        return;
      }
      lane.maxUldsPerDeparture = edit.maxUldsPerDeparture;
      return;
    }
    case 'move_stock':
      moveStock(ctx, edit);
      return;
  }
}

/** The dates from..to (inclusive), or null after reporting why they are not a closure. */
function closureDates(ctx: EditContext, from: string, to: string | undefined): string[] | null {
  if (!isValidDate(from)) {
    ctx.problem('from', 'a calendar date', JSON.stringify(from));
    return null;
  }
  const last = to ?? from;
  if (!isValidDate(last)) {
    ctx.problem('to', 'a calendar date', JSON.stringify(last));
    return null;
  }
  const first = dayNumber(from);
  const days = dayNumber(last) - first + 1;
  if (days < 1) {
    ctx.problem('to', `a date on or after from (${from})`, JSON.stringify(last));
    return null;
  }
  if (days > MAX_CLOSED_DAYS) {
    ctx.problem('to', `at most ${MAX_CLOSED_DAYS} days after from (${from})`, `${JSON.stringify(last)}, ${days} days`);
    return null;
  }
  return Array.from({ length: days }, (_, k) => dateOf(first + k));
}

function close(lane: Lane, dates: readonly string[]): void {
  lane.closedDates = [...new Set([...(lane.closedDates ?? []), ...dates])].sort();
}

/** Whole minor units for amounts; per-kg rates keep hundredths of a minor unit, as tariffs state them. */
function scaleRates(lane: Lane, factor: number): void {
  const minor = (value: number): number => Math.round(value * factor);
  const perKg = (value: number): number => Math.round(value * factor * 100) / 100;
  const cost = lane.cost;
  cost.perParcelMinor = minor(cost.perParcelMinor);
  cost.perParcelKgMinor = perKg(cost.perParcelKgMinor);
  cost.perConsolidationMinor = minor(cost.perConsolidationMinor);
  cost.perUldMinor = minor(cost.perUldMinor);
  if (cost.freight !== undefined) {
    cost.freight.minChargeMinor = minor(cost.freight.minChargeMinor);
    for (const step of cost.freight.breaks) step.perKgMinor = perKg(step.perKgMinor);
  }
  if (lane.coLoad !== undefined) {
    lane.coLoad.minChargeMinor = minor(lane.coLoad.minChargeMinor);
    lane.coLoad.perKgMinor = perKg(lane.coLoad.perKgMinor);
  }
}

function moveStock(ctx: EditContext, edit: ScenarioEdit & { kind: 'move_stock' }): void {
  const from = ctx.node('from', edit.from);
  const to = ctx.node('to', edit.to);
  if (from === undefined || to === undefined) return;
  if (!STOCK_HOLDING_KINDS.includes(to.kind)) {
    ctx.problem('to', `a node that holds stock (${STOCK_HOLDING_KINDS.join(', ')})`, `${JSON.stringify(to.id)}, a ${to.kind}`);
    return;
  }
  const source = ctx.stock.find((r) => r.node === from.id && r.sku === edit.sku);
  const held = source?.qty ?? 0;
  if (source === undefined || held < edit.qty) {
    ctx.problem('qty', `at most the ${held} units of ${edit.sku} the stock holds at ${from.id}`, String(edit.qty));
    return;
  }
  source.qty -= edit.qty;
  const target = ctx.stock.find((r) => r.node === to.id && r.sku === edit.sku);
  if (target === undefined) ctx.stock.push({ node: to.id, sku: edit.sku, qty: edit.qty });
  else target.qty += edit.qty;
}
