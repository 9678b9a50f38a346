import { ConfigError, ServiceUnreachableError } from '@onewindow/config';

/** How long a graceful shutdown may take before the process exits regardless. */
const SHUTDOWN_DEADLINE_MS = Number(process.env.SHUTDOWN_DEADLINE_MS ?? 25_000);

/**
 * Runs an entry point. A bad setting or an unreachable service is one line and exit code 1,
 * never a hang or a stack. On SIGTERM/SIGINT, Nest's shutdown hooks stop taking requests and
 * jobs and let running work finish; if that takes longer than the deadline, the process exits
 * anyway (BullMQ hands unfinished jobs back when their lock expires; PostgreSQL rolls back).
 */
export function runMain(name: string, main: () => Promise<void>): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        console.error(`${name}: still busy ${SHUTDOWN_DEADLINE_MS} ms after ${signal}; exiting`);
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
    });
  }
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof ServiceUnreachableError) {
      console.error(`${name}: ${error.message}`);
    } else {
      console.error(`${name}: failed to start:`, error);
    }
    process.exit(1);
  });
}
