/**
 * CPU time of processes from /proc/<pid>/stat (user + system, in ms; the kernel counts in ticks
 * of 1/CLK_TCK s, 10 ms here), so that a benchmark can say what one request costs in CPU beside
 * what it costs in wall time — the figure a shared machine's load does not skew. PostgreSQL
 * backends are processes of their own: their pids come from pg_backend_pid() / pg_stat_activity.
 */
import { readFileSync } from 'node:fs';

const TICK_MS = 10;

/** User + system CPU ms of one process, or 0 when it is gone (or not ours to read). */
export function processCpuMs(pid: number): number {
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** CPU ms of each pid, as a map. */
export function cpuOf(pids: number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, processCpuMs(pid)]));
}

/** CPU ms spent between two readings (a pid missing from `before` started in between: all of it counts). */
export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
