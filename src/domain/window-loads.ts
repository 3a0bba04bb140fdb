// The most weight that can be on one departure of a lane at once: every order that could ride
// the lane does so in a time window (from its creation to the latest departure that still meets
// its deadline), and a departure at instant t can carry at most the weight of the windows open at
// t. The bound's lane potential (the planner's src/optimise/bound/any-routing.ts and the
// verifier's src/verify/lower-bound.ts each find the windows their own way) is this figure.

/** Per lane, the windows of the weight that could ride it: [openMs, closeMs, kg]. */
export type LaneWindows = Map<string, [number, number][]>;

/** Adds a window [openMs, closeMs] of `kg` on a lane. */
export function addWindow(windows: LaneWindows, laneId: string, openMs: number, closeMs: number, kg: number): void {
  let list = windows.get(laneId);
  if (list === undefined) windows.set(laneId, (list = []));
  list.push([openMs, kg], [closeMs, -kg]);
}

/** Per lane, the heaviest weight of windows open at one instant (a window closing at t still counts at t). */
export function heaviestAtOnce(windows: LaneWindows): Map<string, number> {
  const most = new Map<string, number>();
  for (const [laneId, list] of windows) {
    // Openings before closings at one instant.
    list.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let load = 0;
    let top = 0;
    for (const [, kg] of list) {
      load += kg;
      top = Math.max(top, load);
    }
    most.set(laneId, top);
  }
  return most;
}
