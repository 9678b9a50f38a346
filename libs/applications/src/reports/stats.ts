/** Mean, median and 90th percentile of a sample of working days; null figures when it is empty. */
export interface Distribution {
  count: number;
  mean: number | null;
  median: number | null;
  /** Nearest rank: the smallest value with at least 90 % of the sample at or below it. */
  p90: number | null;
  max: number | null;
}

/** Rounded to two decimals, as the report shows them (7.333… → 7.33). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function distributionOf(values: readonly number[]): Distribution {
  if (values.length === 0) return { count: 0, mean: null, median: null, p90: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const sum = sorted.reduce((acc, v) => acc + v, 0);
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { count: n, mean: round2(sum / n), median: round2(median), p90: sorted[Math.ceil(0.9 * n) - 1], max: sorted[n - 1] };
}

/** A share as a fraction with four decimals (0.875), or null when nothing was counted. */
export function rateOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** A share as leadership reads it, from the counts (no double rounding): 161 of 171 → '94.2 %'; nothing counted → '—'. */
export function percentText(part: number, whole: number): string {
  return whole === 0 ? '—' : `${(Math.round((part / whole) * 1000) / 10).toFixed(1)} %`;
}
