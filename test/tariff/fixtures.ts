// Hand-built lanes and tariffs shared by the tariff tests. Lanes go through the domain schema
// so defaults (cost fields, volumetric divisor 6000) are filled exactly as for a loaded file.
import { Lane, type UldType, type WeightBreakTariff } from '../../src/domain/network.js';

/** M = 500 fen; N = 30 fen/kg; +45: 25; +100: 20; +300: 18; +500: 16; +1000: 14. */
export const TARIFF: WeightBreakTariff = {
  minChargeMinor: 500,
  breaks: [
    { fromKg: 0, perKgMinor: 30 },
    { fromKg: 45, perKgMinor: 25 },
    { fromKg: 100, perKgMinor: 20 },
    { fromKg: 300, perKgMinor: 18 },
    { fromKg: 500, perKgMinor: 16 },
    { fromKg: 1000, perKgMinor: 14 },
  ],
};

/** AKE / LD3: 1,588 kg, 4.3 m³ (docs/DOMAIN.md). */
export const AKE: UldType = { type: 'AKE', maxKg: 1588, maxM3: 4.3 };

type LaneInput = Parameters<typeof Lane.parse>[0];

export function lane(overrides: Partial<Record<string, unknown>> = {}): Lane {
  const base: Record<string, unknown> = {
    id: 'L1',
    from: 'A',
    to: 'B',
    mode: 'air',
    schedule: { kind: 'continuous', transitMinutes: 60 },
  };
  return Lane.parse({ ...base, ...overrides } as LaneInput);
}
