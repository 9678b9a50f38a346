/** `npm run bench -- <name>`: runs one benchmark scenario; `npm run bench` runs them all, in this order (route reads submit's peak). */
const SCENARIOS: Record<string, () => Promise<void>> = {
  issue: () => import('./issue.bench').then((m) => m.issueBenchmark()),
  inbox: () => import('./inbox.bench').then((m) => m.inboxBenchmark()),
  dashboard: () => import('./dashboard.bench').then((m) => m.dashboardBenchmark()),
  submit: () => import('./submit.bench').then((m) => m.submitBenchmark()),
  route: () => import('./route.bench').then((m) => m.routeBenchmark()),
  track: () => import('./track.bench').then((m) => m.trackBenchmark()),
  memory: () => import('./memory.bench').then((m) => m.memoryBenchmark()),
};

async function main(): Promise<void> {
  const name = process.argv[2];
  const names = name ? [name] : Object.keys(SCENARIOS);
  if (name && !SCENARIOS[name]) throw new Error(`no benchmark named ${name}; known: ${Object.keys(SCENARIOS).join(', ') || 'none yet'}`);
  for (const scenario of names) await SCENARIOS[scenario]();
  if (names.length === 0) console.log('no benchmark scenarios yet');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
