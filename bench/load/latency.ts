/** CPU ms spent in a measured run: by the load process, by the app server (API side), by PostgreSQL's backends. */
export interface CpuSpent {
  load: number;
  server: number;
  database: number;
}

/** What a load process prints: the latency of each successful request in ms, the failures, the wall time. */
export interface LoadSample {
  latencies: number[];
  errors: number;
  seconds: number;
  cpu?: CpuSpent;
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
  /** CPU ms per successful request, by part, when the samples measured it. */
  cpuPerRequest?: CpuSpent & { total: number };
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
    ...(samples.length && samples.every((s) => s.cpu) ? { cpuPerRequest: cpuPer(samples.map((s) => s.cpu!), sorted.length) } : {}),
  };
}

function cpuPer(parts: CpuSpent[], count: number): CpuSpent & { total: number } {
  const sum = (k: keyof CpuSpent) => parts.reduce((n, p) => n + p[k], 0) / (count || 1);
  const per = { load: sum('load'), server: sum('server'), database: sum('database') };
  return { ...per, total: per.load + per.server + per.database };
}
