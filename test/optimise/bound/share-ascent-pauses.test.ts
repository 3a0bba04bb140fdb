// The share ascent hands its thread back inside a round, not only between rounds: the thread it
// runs on also answers the worker pool and aborts, and one round on a large batch makes
// thousands of cheapest-itinerary searches. 600 orders on the consolidation fixture, each on its
// first choice, the air lanes with a co-load offer: round one's searches are broken by pauses.
import { describe, expect, it } from 'vitest';
import { boundLaneTerms } from '../../../src/optimise/bound/any-routing.js';
import { LaneShares } from '../../../src/optimise/bound/lane-shares.js';
import { type AscentStep, SEARCHES_PER_PAUSE, ascendShares } from '../../../src/optimise/bound/share-ascent.js';
import { fixtureProblem } from '../fixtures.js';

describe('ascendShares', () => {
  it(`pauses every ${SEARCHES_PER_PAUSE} searches inside a round`, () => {
    const { problem, ctx, factsOf } = fixtureProblem(31, 600, { perKgMinor: 1_500, minChargeMinor: 5_000 });
    const choiceOf = Int32Array.from(problem.orders, (o) => (o.choices.length > 0 ? 0 : -1));
    const all = () => true;
    const lanes = boundLaneTerms(ctx, problem, factsOf, all);
    const steps: AscentStep[] = [...ascendShares(ctx, problem, choiceOf, factsOf, all, lanes, () => Infinity, new LaneShares())];
    const rounds = steps.filter((s) => s.roundEnded);
    expect(rounds.length).toBeGreaterThan(0);
    // Round one searches once per parcel riding a consolidating lane: more than a pause's worth.
    const firstRound = steps.findIndex((s) => s.roundEnded);
    expect(firstRound).toBeGreaterThanOrEqual(Math.floor(600 / 2 / SEARCHES_PER_PAUSE));
    // Later rounds, with fewer parcels still raising, pause in proportion.
    const pauses = steps.filter((s) => !s.roundEnded).length;
    expect(pauses).toBeGreaterThan(firstRound);
  });
});
