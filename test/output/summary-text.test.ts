// formatSummary: label/value lines, no colours, money aligned on the decimal point.
import { describe, expect, it } from 'vitest';
import { formatSummary, planSummary } from '../../src/output/summary.js';
import { fixturePlan } from './fixtures.js';

describe('formatSummary', () => {
  const text = formatSummary(planSummary(fixturePlan(), { elapsedMs: 1234 }));

  it('shows the counts, the cost and the gap', () => {
    expect(text).toMatch(/^orders +3$/m);
    expect(text).toMatch(/^planned +2$/m);
    expect(text).toMatch(/^ {2}SLA_INFEASIBLE +1$/m);
    expect(text).toMatch(/^logistics cost +1,456\.00 CNY$/m);
    expect(text).toMatch(/^import taxes +57\.32 CNY  \(buyers' CBEC tax; not logistics cost\)$/m);
    expect(text).toMatch(/^gap +3\.85 %$/m); // 5600 / 145600 = 3.846 %
    expect(text).toMatch(/^SLA slack +min 16h 40m, p10 16h 40m, median 16h 40m, p90 4d 10h 59m$/m);
    expect(text).toMatch(/^elapsed +1\.23 s$/m);
  });

  it('lines up the decimal points of the amounts', () => {
    const columns = text.split('\n').filter((l) => / CNY/.test(l)).map((l) => l.indexOf(' CNY'));
    expect(columns.length).toBe(8); // total, 5 components, taxes, lower bound
    expect(new Set(columns).size).toBe(1);
  });

  it('has no escape codes and ends with a newline', () => {
    expect(text).not.toContain('\u001b');
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('formatSummary: consolidations shipped loose', () => {
  it('says how many consolidations went loose (co-load), and counts them in the JSON figures', () => {
    const plan = fixturePlan();
    for (const c of plan.consolidations) Object.assign(c, { shipping: 'co_load', ulds: 0 });
    const summary = planSummary(plan, { elapsedMs: 1 });
    expect(summary.shippedLoose).toBe(1);
    expect(formatSummary(summary)).toMatch(/^consolidations +1 \(1 shipped loose, 0 ULDs\)$/m);
    expect(formatSummary(planSummary(fixturePlan(), { elapsedMs: 1 }))).toMatch(/^consolidations +1 \(1 ULD\)$/m);
  });
});
