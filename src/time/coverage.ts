// Coverage warnings: calendars whose holiday source has no data for some date of the planning
// window (chinese-days knows nothing after 2026). Such dates are still answered from the weekly
// pattern, which silently treats a Spring Festival as working days; the planner must be told.
import { MAX_WALK_DAYS } from './calendar.js';
import { DAY_MS, dateOf, dayNumber } from './civil-date.js';
import { SUPPORTED_FROM_MS, SUPPORTED_UNTIL_MS } from './date-range.js';
import type { TimeModel } from './time-model.js';

/**
 * Widest window checked date by date: the supported range of input instants (one century, see
 * date-range.ts) plus the longest walk a working-day deadline may take past its end. Input
 * instants are bounded by the schema, so reaching it is a bug.
 */
const MAX_WINDOW_DAYS = Math.ceil((SUPPORTED_UNTIL_MS - SUPPORTED_FROM_MS) / DAY_MS) + MAX_WALK_DAYS + 2;

/** One warning per calendar used by some node whose coverage excludes a date between fromMs and toMs. */
export function coverageWarnings(model: TimeModel, fromMs: number, toMs: number): string[] {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) {
    throw new Error(`time/coverage: window must be finite instants, got ${fromMs}..${toMs}`);
  }
  if (toMs < fromMs) return [];
  const warnings: string[] = [];
  for (const calendar of model.index.network.calendars) {
    const nodes = model.index.network.nodes.filter((n) => n.calendar === calendar.id);
    const firstNode = nodes[0];
    if (firstNode === undefined) continue;
    // The window's local dates differ by zone; take their union over the calendar's nodes.
    let firstDay = Number.POSITIVE_INFINITY;
    let lastDay = Number.NEGATIVE_INFINITY;
    for (const node of nodes) {
      firstDay = Math.min(firstDay, dayNumber(model.localDate(fromMs, node.id)));
      lastDay = Math.max(lastDay, dayNumber(model.localDate(toMs, node.id)));
    }
    if (lastDay - firstDay > MAX_WINDOW_DAYS) {
      throw new Error(`time/coverage: window of ${lastDay - firstDay} days is too wide`);
    }
    const cal = model.calendarOf(firstNode.id);
    let uncovered = 0;
    let firstUncovered = '';
    let lastUncovered = '';
    for (let day = firstDay; day <= lastDay; day++) {
      const date = dateOf(day);
      if (cal.isCovered(date)) continue;
      if (uncovered === 0) firstUncovered = date;
      lastUncovered = date;
      uncovered++;
    }
    if (uncovered === 0) continue;
    const known = `${cal.coveredFrom ?? 'the beginning'}..${cal.coveredTo ?? 'the end'}`;
    warnings.push(
      `calendar "${calendar.id}" (${calendar.source}): ${uncovered} date(s) from ${firstUncovered} to ${lastUncovered} ` +
        `lie outside its known coverage ${known}; on those dates working days follow only the weekly pattern ` +
        `and the calendar's extra holidays/working days, so public holidays may be missed`,
    );
  }
  return warnings;
}
