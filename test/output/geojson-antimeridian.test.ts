// Lanes whose short way round crosses ±180° are cut there (RFC 7946 §3.1.9).
import { describe, expect, it } from 'vitest';
import { lineBetween } from '../../src/output/geojson.js';

// LAX (−118.41, 33.94) → PVG (121.81, 31.14): Δlon = 240.22 > 180, so the short way is west over
// the Pacific. Unwrapped PVG lon = 121.81 − 360 = −238.19; the line meets −180 at
// t = (−180 + 118.41) / (−238.19 + 118.41) = 61.59 / 119.78 = 0.514193,
// lat = 33.94 + t·(31.14 − 33.94) = 33.94 − 1.439741 = 32.500259.
const CROSS_LAT = 32.500259;

describe('lineBetween', () => {
  it('cuts LAX → PVG at the antimeridian into two parts', () => {
    const g = lineBetween([-118.41, 33.94], [121.81, 31.14]);
    if (g.type !== 'MultiLineString') throw new Error(`expected a MultiLineString, got ${g.type}`);
    const [west, east] = g.coordinates;
    expect(west?.[0]).toEqual([-118.41, 33.94]);
    expect(west?.[1]?.[0]).toBe(-180);
    expect(west?.[1]?.[1]).toBeCloseTo(CROSS_LAT, 5);
    expect(east?.[0]?.[0]).toBe(180);
    expect(east?.[0]?.[1]).toBeCloseTo(CROSS_LAT, 5);
    expect(east?.[1]).toEqual([121.81, 31.14]);
  });

  it('cuts the reverse direction at the same latitude', () => {
    const g = lineBetween([121.81, 31.14], [-118.41, 33.94]);
    if (g.type !== 'MultiLineString') throw new Error(`expected a MultiLineString, got ${g.type}`);
    expect(g.coordinates[0]?.[1]?.[0]).toBe(180);
    expect(g.coordinates[0]?.[1]?.[1]).toBeCloseTo(CROSS_LAT, 5);
    expect(g.coordinates[1]?.[0]?.[0]).toBe(-180);
    expect(g.coordinates[1]?.[1]).toEqual([-118.41, 33.94]);
  });

  it('keeps a lane that does not cross as one LineString', () => {
    // FRA (8.57) → PVG (121.81): Δlon = 113.24
    expect(lineBetween([8.57, 50.03], [121.81, 31.14])).toEqual({ type: 'LineString', coordinates: [[8.57, 50.03], [121.81, 31.14]] });
  });

  it('puts an end on the antimeridian on the side of the other end', () => {
    expect(lineBetween([180, 0], [-170, 10])).toEqual({ type: 'LineString', coordinates: [[-180, 0], [-170, 10]] });
  });
});
