// Durations for people: whole minutes as "4d 10h 59m" (the largest non-zero units first).

/** 6419 → "4d 10h 59m", 61 → "1h 1m", 0 → "0m", -90 → "-1h 30m". */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  let rest = Math.abs(Math.trunc(minutes));
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days}d`);
  if (days > 0 || hours > 0) parts.push(`${hours}h`);
  parts.push(`${mins}m`);
  return sign + parts.join(' ');
}
