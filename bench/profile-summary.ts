/**
 * `node dist/bench/profile-summary.js <file.cpuprofile> [top] [fromSeconds]`: where a process's CPU
 * went, from a `node --cpu-prof` profile (the benchmarks write one per app with
 * BENCH_CPU_PROF=<dir>). Prints self time by package or part of the code, then the top functions
 * by self time and by total (inclusive) time, as shares of the profiled wall time and as shares of
 * the busy (not idle) time. `fromSeconds` skips the start (module loading, Nest's boot).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The package (node_modules/<name>), `node:` internals, the project's own lib, or V8's pseudo-frames. */
export function partOf(url: string, functionName: string): string {
  if (!url) return `(${functionName.replace(/[()]/g, '') || 'native'})`;
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node internals';
  const own = url.match(/dist(?:-[^/]+)?\/((?:libs|apps)\/[^/]+|bench)/);
  return own ? own[1] : url;
}

export function summarizeProfile(path: string, top = 25, fromSeconds = 0): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  if (fromSeconds > 0) {
    // Keep the samples taken after the first `fromSeconds` of the profile.
    let t = 0;
    const keep = profile.timeDeltas.map((d) => (t += d) >= fromSeconds * 1e6);
    profile.samples = profile.samples.filter((_, k) => keep[k]);
    profile.timeDeltas = profile.timeDeltas.filter((_, k) => keep[k]);
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*?(node_modules|dist(?:-[^/]+)?)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
  const parts = new Map<string, number>();
  const selfByKey = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const part = partOf(node.callFrame.url, node.callFrame.functionName);
    parts.set(part, (parts.get(part) ?? 0) + us);
    selfByKey.set(key(node), (selfByKey.get(key(node)) ?? 0) + us);
    // Inclusive: every distinct function on the stack, once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }
  const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((n, [, us]) => n + us, 0);
  const busy = total - idle;
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} % ${((100 * us) / busy).toFixed(1).padStart(5)} %b`;
  const list = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  ${pct(us)}  ${k}`)
      .join('\n');
  return [
    `${path}: ${(total / 1e6).toFixed(1)} s profiled${fromSeconds ? ` (after the first ${fromSeconds} s)` : ''}, ${(busy / 1e6).toFixed(1)} s busy (not idle); shares of all / of busy (%b)`,
    'self time by part:',
    list(parts, 20),
    `top ${top} functions by self time:`,
    list(selfByKey, top),
    `top ${top} functions by total time (excluding the root and idle):`,
    list(new Map([...inclusive].filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(idle)') && !k.startsWith('(program)'))), top),
  ].join('\n');
}

if (require.main === module) {
  const [path, top, from] = process.argv.slice(2);
  if (!path) {
    console.error('usage: node dist/bench/profile-summary.js <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(summarizeProfile(path, Number(top ?? 25), Number(from ?? 0)));
}
