/** `npm run bench -- <name>`: runs benchmark scenarios. None are registered yet; each issue that needs one adds it here. */
const SCENARIOS: Record<string, () => Promise<void>> = {
  issue: () => import('./issue.bench').then((m) => m.issueBenchmark()),
  inbox: () => import('./inbox.bench').then((m) => m.inboxBenchmark()),
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
