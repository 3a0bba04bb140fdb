// Every leg runs on a lane of the network, between its ends, on a real dated departure, and
// says so in the local time of each end.
import { describe, expect, it } from 'vitest';
import { consolidationOf, legOf, parcelOf, rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('departures and lanes', () => {
  it('names legs on a departure the lane does not have (NO_SUCH_DEPARTURE)', () => {
    // AIR-LAX-PVG flies Tuesdays and Fridays; move the whole consolidation to Wednesday 23:30.
    // The arrivals stay as written, so nothing after the flight changes.
    const wednesday = '2026-11-11T23:30:00-08:00';
    const result = verifyCorrupted((plan) => {
      legOf(plan, 'O1', 'AIR-LAX-PVG').departure = wednesday;
      legOf(plan, 'O2', 'AIR-LAX-PVG').departure = wednesday;
      consolidationOf(plan, 'C1').departure = wednesday;
    });
    expect(rulesOf(result)).toEqual(['NO_SUCH_DEPARTURE']);
    const label = `AIR-LAX-PVG@${wednesday}`;
    expect(violationsOf(result, 'NO_SUCH_DEPARTURE')).toMatchObject([
      { order: 'O1', parcel: 'P-O1', departure: label },
      { order: 'O2', parcel: 'P-O2', departure: label },
      { consolidation: 'C1', departure: label },
    ]);
  });

  it('names a leg whose arrival is not its departure\'s (WRONG_ARRIVAL)', () => {
    // 23:30 PST + 780 min is 04:30 Thursday in Shanghai, not 03:30. The next leg is judged
    // against the true 04:30, so nothing else breaks.
    const result = verifyCorrupted((plan) => {
      legOf(plan, 'O1', 'AIR-LAX-PVG').arrival = '2026-11-12T03:30:00+08:00';
    });
    expect(rulesOf(result)).toEqual(['WRONG_ARRIVAL']);
    expect(violationsOf(result, 'WRONG_ARRIVAL')).toMatchObject([
      { parcel: 'P-O1', expected: '2026-11-12T04:30:00+08:00', found: '2026-11-12T03:30:00+08:00' },
    ]);
  });

  it('names a leg on a lane the network lacks (UNKNOWN_LANE)', () => {
    const result = verifyCorrupted((plan) => {
      legOf(plan, 'O3', 'LM-BW-SH').lane = 'LM-BW-SH-EXPRESS';
    });
    expect(violationsOf(result, 'UNKNOWN_LANE')).toMatchObject([{ order: 'O3', parcel: 'P-O3', found: 'LM-BW-SH-EXPRESS' }]);
  });

  it('names an itinerary that ends away from the order\'s destination (WRONG_ENDPOINTS)', () => {
    // O1 goes to ZONE-SH; send its parcel to Zhejiang on LM-ZJ instead (at LM-ZJ's real times).
    const result = verifyCorrupted((plan) => {
      const leg = legOf(plan, 'O1', 'LM-SH');
      Object.assign(leg, { lane: 'LM-ZJ', to: 'ZONE-ZJ', arrival: '2026-11-14T13:00:00+08:00' });
    });
    expect(violationsOf(result, 'WRONG_ENDPOINTS')).toMatchObject([{ order: 'O1', parcel: 'P-O1', expected: 'ZONE-SH', found: 'ZONE-ZJ' }]);
  });

  it('names a first leg that does not start at the parcel\'s source (WRONG_ENDPOINTS)', () => {
    const result = verifyCorrupted((plan) => {
      parcelOf(plan, 'O1').legs.shift(); // now it "starts" at LAX
    });
    expect(violationsOf(result, 'WRONG_ENDPOINTS')).toMatchObject([{ parcel: 'P-O1', expected: 'BASE-US', found: 'LAX' }]);
  });

  it('names a leg whose ends are not its lane\'s (WRONG_ENDPOINTS) or whose mode is not (LEG_MODE)', () => {
    const result = verifyCorrupted((plan) => {
      const leg = legOf(plan, 'O3', 'LM-BW-SH');
      leg.from = 'PORT-SH';
      leg.mode = 'truck';
    });
    expect(rulesOf(result)).toEqual(['LEG_MODE', 'WRONG_ENDPOINTS']);
    expect(violationsOf(result, 'WRONG_ENDPOINTS')).toMatchObject([{ parcel: 'P-O3', expected: 'BW-SH → ZONE-SH', found: 'PORT-SH → ZONE-SH' }]);
  });

  it('names an instant written in another place\'s offset (LOCAL_OFFSET)', () => {
    // The same instant as 04:30 Shanghai, but written in UTC: arrivals are local to PVG.
    const result = verifyCorrupted((plan) => {
      legOf(plan, 'O1', 'AIR-LAX-PVG').arrival = '2026-11-11T20:30:00Z';
    });
    expect(rulesOf(result)).toEqual(['LOCAL_OFFSET']);
    expect(violationsOf(result, 'LOCAL_OFFSET')).toMatchObject([{ parcel: 'P-O1', expected: '2026-11-12T04:30:00+08:00' }]);
  });
});
