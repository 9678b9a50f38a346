import { ConfigError, ServiceUnreachableError } from '@onewindow/config';

/** Runs an entry point; a bad setting or an unreachable service is one line and exit code 1, never a hang or a stack. */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof ServiceUnreachableError) {
      console.error(`${name}: ${error.message}`);
    } else {
      console.error(`${name}: failed to start:`, error);
    }
    process.exit(1);
  });
}
