import Module from 'node:module';
import { join } from 'node:path';

/**
 * Jest applies moduleNameMapper to test files but not to globalSetup/globalTeardown, which load
 * the libraries to create and drop the run's database: resolve `@onewindow/<lib>` for them.
 */
const root = join(__dirname, '..', '..');
const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = resolver._resolveFilename;
resolver._resolveFilename = function (request: string, ...rest: unknown[]) {
  const match = /^@onewindow\/([a-z-]+)(\/.*)?$/.exec(request);
  if (match) request = join(root, 'libs', match[1], 'src', match[2] ?? '');
  return original.call(this, request, ...rest);
};
