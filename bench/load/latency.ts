/** What a load process prints: the latency of each successful request in ms, the failures, the wall time. */
export interface LoadSample {
  latencies: number[];
  errors: number;
  seconds: number;
}

/** Load samples summed up. */
export interface LoadReport {
  count: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  mean: number;
}

export function summarize(samples: LoadSample[]): LoadReport {
  const sorted = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const errors = samples.reduce((sum, s) => sum + s.errors, 0);
  const seconds = samples.reduce((sum, s) => sum + s.seconds, 0);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
  return {
    count: sorted.length,
    errors,
    seconds,
    perSecond: sorted.length / seconds,
    p50: at(50),
    p99: at(99),
    mean: sorted.reduce((sum, v) => sum + v, 0) / (sorted.length || 1),
  };
}
