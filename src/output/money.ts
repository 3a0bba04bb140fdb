// Money at the edge: integer minor units printed as major units with two decimals. Integer
// arithmetic only (12990 -> "129.90"), so no float error can show up in a printed amount —
// 0.1 + 0.2 never happens here because nothing is ever divided as a float.

/** Minor units per major unit. Every currency the network uses (CNY, USD, EUR, …) has 2 decimals. */
export const MINOR_PER_MAJOR = 100;

/**
 * Minor units as major units with two decimals: 12990 → "129.90", 5 → "0.05", -5 → "-0.05",
 * 100000000 → "1000000.00". With `grouping`, thousands are separated by commas for people
 * ("1,000,000.00"); machine outputs (CSV, JSON) never group.
 * Throws a RangeError for a non-integer or unsafe amount: money is integer minor units
 * everywhere, so a fraction here is a bug upstream, not something to round away quietly.
 */
export function formatMinor(minor: number, options: { grouping?: boolean } = {}): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`money: expected an integer amount of minor units, found ${minor}`);
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const cents = abs % MINOR_PER_MAJOR;
  // (abs − cents) is an exact multiple of 100, so this division is exact: no float rounding
  // to reason about, even near 2^53.
  const major = (abs - cents) / MINOR_PER_MAJOR;
  const majorText = options.grouping === true ? group(String(major)) : String(major);
  return `${negative ? '-' : ''}${majorText}.${String(cents).padStart(2, '0')}`;
}

/**
 * Minor units as a major-unit number for JSON (12990 → 129.9). Goes through the exact decimal
 * text, so the number is the double nearest to the true amount.
 */
export function minorToMajor(minor: number): number {
  return Number(formatMinor(minor));
}

/** "1234567" → "1,234,567". */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
