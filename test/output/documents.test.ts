// The documents of a plan, each checked against the plan it came from (the tiny example:
// direct mail in two consolidations, a bonded order, a general-trade order, unplanned ones):
// MAWB manifests per consolidation, customs declaration lists per place and day, the
// order-level CSV; and `xbroute documents` writing them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexNetwork } from '../../src/domain/network-index.js';
import type { Plan, PlanParcel } from '../../src/domain/plan.js';
import { readCsv } from '../../src/io/csv.js';
import { parseNetworkText } from '../../src/io/network.js';
import { DOCUMENT_FILES } from '../../src/cli/commands/documents.js';
import {
  customsDeclarations, declarationsToCsv, documentTexts, manifestsToCsv, mawbManifests, ordersToPlanCsv,
} from '../../src/output/documents/index.js';
import { formatMinor } from '../../src/output/money.js';
import { parseInstant, zoneClock } from '../../src/time/zone.js';
import { runCli } from '../fixtures/run-cli.js';

const tiny = (name: string) => readFileSync(new URL(`../../data/examples/tiny/${name}`, import.meta.url), 'utf8');
const plan = JSON.parse(tiny('expected-plan.json')) as Plan;
const index = indexNetwork(parseNetworkText(tiny('network.json'), 'network.json'));
const parcels: PlanParcel[] = plan.orders.flatMap((o) => (o.status === 'planned' ? o.parcels : []));

/** A CSV's data rows as objects by header. */
function rowsOf(text: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(text).records.map((r) => r.cells);
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

describe('MAWB manifests', () => {
  const manifests = mawbManifests(plan, index);

  it('one per consolidation, with its figures and every parcel it carries', () => {
    expect(plan.consolidations.length).toBeGreaterThan(0);
    expect(manifests.map((m) => m.consolidation)).toEqual(plan.consolidations.map((c) => c.id));
    for (const [i, m] of manifests.entries()) {
      const c = plan.consolidations[i];
      expect(m).toMatchObject({ lane: c?.lane, departureLocal: c?.departure, ulds: c?.ulds, grossKg: c?.weightKg, chargeableKg: c?.chargeableKg, pieces: c?.parcels.length });
      expect(m.uldType).toBe(index.lanes.get(m.lane)?.uld?.type ?? null);
      for (const p of m.parcels) {
        const parcel = parcels.find((x) => x.id === p.parcel);
        expect(parcel?.legs.some((l) => l.consolidation === m.consolidation)).toBe(true);
        expect(p).toMatchObject({ weightKg: parcel?.weightKg, valueMinor: parcel?.valueMinor });
        expect(plan.orders.find((o) => o.order === p.order)?.status).toBe('planned');
      }
      const parcelKg = m.parcels.reduce((s, p) => s + p.weightKg, 0);
      expect(parcelKg).toBeCloseTo(m.grossKg, 6);
    }
  });

  it('states the cut-off: the lane\'s cut-off before departure, in the origin\'s local time', () => {
    for (const m of manifests) {
      const lane = index.lanes.get(m.lane);
      const cutoffMinutes = lane?.schedule.kind === 'weekly' ? lane.schedule.cutoffMinutes : 0;
      expect(parseInstant(m.departureLocal) - parseInstant(m.cutoffLocal)).toBe(cutoffMinutes * 60_000);
      const origin = index.nodes.get(m.from);
      expect(m.cutoffLocal).toBe(zoneClock(origin?.timeZone ?? 'UTC').toIso(parseInstant(m.cutoffLocal)));
    }
  });

  it('as CSV: one row per parcel carried, with the manifest\'s figures', () => {
    const rows = rowsOf(manifestsToCsv(manifests));
    expect(rows.length).toBe(plan.consolidations.reduce((n, c) => n + c.parcels.length, 0));
    for (const row of rows) {
      const m = manifests.find((x) => x.consolidation === row['consolidation']);
      const p = m?.parcels.find((x) => x.parcel === row['parcel']);
      expect(p).toBeDefined();
      expect(row['pieces']).toBe(String(m?.pieces));
      expect(row['parcel_value']).toBe(formatMinor(p?.valueMinor ?? -1));
      expect(row['cutoff_local']).toBe(m?.cutoffLocal);
    }
  });
});

describe('customs declaration lists', () => {
  const lists = customsDeclarations(plan, index);

  it('declare every cross-border parcel once (9610 direct mail, 1210 bonded), general trade never', () => {
    const declared = lists.flatMap((l) => l.parcels.map((p) => p.parcel));
    expect(new Set(declared).size).toBe(declared.length);
    const cbec = parcels.filter((p) => p.mode !== 'general_trade');
    expect(parcels.some((p) => p.mode === 'general_trade')).toBe(true);
    expect(parcels.some((p) => p.mode === 'bonded')).toBe(true);
    expect(declared.sort()).toEqual(cbec.map((p) => p.id).sort());
    for (const line of lists.flatMap((l) => l.parcels)) {
      const parcel = parcels.find((p) => p.id === line.parcel);
      expect(line.customsCode).toBe(parcel?.mode === 'direct_mail' ? '9610' : '1210');
      expect(line).toMatchObject({ declaredValueMinor: parcel?.valueMinor, taxMinor: parcel?.taxMinor, taxBasis: parcel?.taxBasis, lines: parcel?.lines });
    }
  });

  it('list direct mail at its clearance port on the local day its clearance starts, bonded at its warehouse', () => {
    for (const list of lists) {
      const place = index.nodes.get(list.place);
      for (const line of list.parcels) {
        const parcel = parcels.find((p) => p.id === line.parcel);
        const leg = parcel?.mode === 'direct_mail' ? parcel.legs.find((l) => l.mode === 'clearance') : parcel?.legs[0];
        expect(list.place).toBe(parcel?.mode === 'direct_mail' ? leg?.to : parcel?.source);
        expect(place?.kind).toBe(parcel?.mode === 'direct_mail' ? 'clearance_port' : 'bonded_warehouse');
        expect(zoneClock(place?.timeZone ?? 'UTC').toIso(parseInstant(leg?.departure ?? '')).slice(0, 10)).toBe(list.date);
      }
      expect(list.declaredValueMinor).toBe(list.parcels.reduce((s, p) => s + p.declaredValueMinor, 0));
      expect(list.taxMinor).toBe(list.parcels.reduce((s, p) => s + p.taxMinor, 0));
    }
  });

  it('as CSV: one row per declared parcel with its SKU lines, value, code and tax', () => {
    const rows = rowsOf(declarationsToCsv(lists));
    expect(rows.length).toBe(lists.reduce((n, l) => n + l.parcels.length, 0));
    for (const row of rows) {
      const parcel = parcels.find((p) => p.id === row['parcel']);
      expect(row['sku_lines']).toBe(parcel?.lines.map((l) => `${l.sku}×${l.qty}`).join(';'));
      expect(row['declared_value']).toBe(formatMinor(parcel?.valueMinor ?? -1));
      expect(row['tax']).toBe(formatMinor(parcel?.taxMinor ?? -1));
    }
  });
});

describe('the order-level CSV', () => {
  const rows = rowsOf(ordersToPlanCsv(plan));

  it('has one row per order, in plan order, summing to the plan\'s logistics cost and taxes', () => {
    expect(rows.map((r) => r['order'])).toEqual(plan.orders.map((o) => o.order));
    const minor = (text: string | undefined) => Math.round(Number(text === '' || text === undefined ? 0 : text) * 100);
    expect(rows.reduce((s, r) => s + minor(r['logistics_cost']), 0)).toBe(plan.totals.cost.total);
    expect(rows.reduce((s, r) => s + minor(r['tax']), 0)).toBe(plan.totals.taxMinor);
  });

  it('states each planned order\'s source, mode, deadline, delivery and slack, and each unplanned one\'s reason', () => {
    for (const [i, answer] of plan.orders.entries()) {
      const row = rows[i] ?? {};
      if (answer.status === 'planned') {
        expect(row).toMatchObject({ status: 'planned', deadline: answer.deadline, delivered: answer.deliveredAt, slack_minutes: String(answer.slackMinutes), reason: '' });
        expect(row['sources']?.split(';')).toEqual([...new Set(answer.parcels.map((p) => p.source))]);
        expect(row['modes']?.split(';')).toEqual([...new Set(answer.parcels.map((p) => p.mode))]);
      } else {
        expect(row).toMatchObject({ status: 'unplanned', reason: answer.reason, message: answer.message, logistics_cost: '' });
      }
    }
    expect(rows.some((r) => r['status'] === 'unplanned')).toBe(true);
  });
});

describe('xbroute documents', () => {
  it('writes every document of a saved plan, as the renderers make them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xbroute-docs-'));
    try {
      const planPath = new URL('../../data/examples/tiny/expected-plan.json', import.meta.url).pathname;
      const networkPath = new URL('../../data/examples/tiny/network.json', import.meta.url).pathname;
      const result = await runCli(['documents', '--plan', planPath, '--network', networkPath, '--out-dir', join(dir, 'docs')]);
      expect(result.code, result.stderr).toBe(0);
      const texts = documentTexts(plan, index);
      for (const [stem, file] of Object.entries(DOCUMENT_FILES)) {
        expect(readFileSync(join(dir, 'docs', file), 'utf8'), file).toBe(texts[stem as keyof typeof texts]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
