// laneCostComponent: which cost component a lane's charges are reported under.
import { describe, expect, it } from 'vitest';
import { laneCostComponent } from '../../src/tariff/index.js';
import { lane } from './fixtures.js';

describe('laneCostComponent', () => {
  it('reports air and truck as freight, clearance as clearance, last mile as lastMile', () => {
    expect(laneCostComponent(lane({ mode: 'air' }))).toBe('freight');
    expect(laneCostComponent(lane({ mode: 'truck' }))).toBe('freight');
    expect(laneCostComponent(lane({ mode: 'clearance' }))).toBe('clearance');
    expect(laneCostComponent(lane({ mode: 'last_mile' }))).toBe('lastMile');
  });
});
