import { ConfigError, ServiceUnreachableError } from '@onewindow/config';

/** How long a graceful shutdown may take before the process exits regardless. */
const SHUTDOWN_DEADLINE_MS = Number(process.env.SHUTDOWN_DEADLINE_MS ?? 25_000);

/**
 * Runs an entry point. A bad setting or an unreachable service is one line and exit code 1,
 * never a hang or a stack. On SIGTERM/SIGINT, Nest's shutdown hooks stop taking requests and
 * jobs and let running work finish; if that takes longer than the deadline, the process exits
 * anyway (BullMQ hands unfinished jobs back when their lock expires; PostgreSQL rolls back).
 */
/**
 * A PostgreSQL shutdown or restart (57P01/57P02/57P03) that reaches a pg client with no 'error'
 * listener. Every client of ours has one and the pools reconnect, yet under load one such event
 * was seen escaping as an unhandled 'error' (source not found); the client it came from is dead
 * and nothing else is lost, so it must not take the process down with it.
 */
export function isDatabaseShutdownError(error: unknown): boolean {
  const e = error as { code?: unknown; severity?: unknown } | null;
  return typeof e === 'object' && e !== null && typeof e.severity === 'string' && ['57P01', '57P02', '57P03'].includes(String(e.code));
}

export function runMain(name: string, main: () => Promise<void>): void {
  process.on('uncaughtException', (error) => {
    if (isDatabaseShutdownError(error)) {
      console.error(`${name}: a database connection was closed by the server (${(error as Error).message}); the pools reconnect`);
      return;
    }
    console.error(`${name}: uncaught exception:`, error);
    process.exit(1);
  });
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
