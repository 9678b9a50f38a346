/**
 * A load process: autocannon against one URL for a while, each connection signed in with its own
 * session (as each clerk at a window has), after a short warm-up. Prints a LoadSample as JSON.
 * Latencies come from autocannon's per-response times (fractional ms), not its 1 ms histogram.
 */
import autocannon from 'autocannon';
import type { LoadSample } from './latency';
import { readSpec } from './spec';

interface Spec {
  url: string;
  tokens: string[];
  connections: number;
  seconds: number;
  warmUpSeconds: number;
}

function run(spec: Spec, seconds: number): Promise<{ latencies: number[]; errors: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const started = process.hrtime.bigint();
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: seconds,
        setupClient: (client) => client.setHeaders({ authorization: `Bearer ${spec.tokens[next++ % spec.tokens.length]}` }),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({ latencies, errors: errors + result.errors + result.timeouts, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      else errors++;
    });
  });
}

async function main(): Promise<void> {
  const spec = readSpec<Spec>(process.argv[2]);
  if (spec.warmUpSeconds > 0) await run(spec, spec.warmUpSeconds);
  const measured = await run(spec, spec.seconds);
  process.stdout.write(JSON.stringify(measured));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
