// Which resources keep a choice out of an Assignment, and which placed orders hold them. A
// choice is blocked by a stock key it would overdraw, a clearance port day it would overfill,
// or a consolidating departure whose ULD allotment could not take its load; the orders riding
// such a resource are the ones a repair move may displace.
import { type Assignment, UNASSIGNED } from '../model/assignment.js';

export type Resource = { kind: 'stock' | 'port' | 'dep'; id: number };

/** The resources that keep `c` of `order` out, each once; empty when it fits. */
export function blockingResources(a: Assignment, order: number, c: number): Resource[] {
  const choice = a.choice(order, c);
  const found: Resource[] = [];
  for (const s of choice.stock) if (a.stockUsed(s.key) + s.qty > a.problem.stock[s.key]!.available) found.push({ kind: 'stock', id: s.key });
  const ports = new Set(choice.portDays);
  for (const p of ports) {
    const need = choice.portDays.filter((x) => x === p).length;
    if (a.portUsed(p) + need > a.problem.portDays[p]!.capacity) found.push({ kind: 'port', id: p });
  }
  for (const use of choice.uses) if (!a.roomOnDeparture(use.dep, use.weightKg, use.volumeM3)) found.push({ kind: 'dep', id: use.dep });
  return found;
}

/** Whether a choice uses a resource. */
export function usesResource(a: Assignment, order: number, c: number, r: Resource): boolean {
  const choice = a.choice(order, c);
  switch (r.kind) {
    case 'stock':
      return choice.stock.some((s) => s.key === r.id);
    case 'port':
      return choice.portDays.includes(r.id);
    case 'dep':
      return choice.uses.some((u) => u.dep === r.id);
  }
}

/**
 * Placed orders per resource, built once per repair run. Entries go stale as orders move:
 * `riders` re-checks each against the assignment as it stands, and `moved` records new riders.
 */
export class RiderIndex {
  private readonly lists = new Map<string, number[]>();

  constructor(private readonly a: Assignment) {
    a.choiceOf.forEach((c, o) => {
      if (c !== UNASSIGNED) this.moved(o);
    });
  }

  /** Records an order's current choice under every resource it uses. */
  moved(o: number): void {
    const c = this.a.choiceOf[o] ?? UNASSIGNED;
    if (c === UNASSIGNED) return;
    const choice = this.a.choice(o, c);
    for (const s of choice.stock) this.add(`stock:${s.key}`, o);
    for (const p of new Set(choice.portDays)) this.add(`port:${p}`, o);
    for (const u of choice.uses) this.add(`dep:${u.dep}`, o);
  }

  /** Orders placed on `r` now, ascending, each once. */
  riders(r: Resource): number[] {
    const list = this.lists.get(`${r.kind}:${r.id}`) ?? [];
    const still = [...new Set(list)].filter((o) => {
      const c = this.a.choiceOf[o] ?? UNASSIGNED;
      return c !== UNASSIGNED && usesResource(this.a, o, c, r);
    });
    still.sort((x, y) => x - y);
    this.lists.set(`${r.kind}:${r.id}`, still);
    return still;
  }

  private add(key: string, o: number): void {
    const list = this.lists.get(key);
    if (list === undefined) this.lists.set(key, [o]);
    else list.push(o);
  }
}
