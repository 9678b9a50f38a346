import { readFileSync } from 'node:fs';

/** A load process's spec: inline JSON (argv), or `@<path>` of a file holding it. */
export function readSpec<T>(argument: string): T {
  return JSON.parse(argument.startsWith('@') ? readFileSync(argument.slice(1), 'utf8') : argument) as T;
}
