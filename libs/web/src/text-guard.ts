import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationFailedError } from '@onewindow/domain/errors';

const MAX_DEPTH = 32;

/**
 * Text PostgreSQL cannot store: U+0000 (text refuses it) and a lone UTF-16 surrogate (JSON
 * carries it as `\ud800`, which jsonb refuses; in text it would turn silently into U+FFFD).
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The dotted path of the first string (or key) holding unstorable text, '' for the value itself, or null. */
export function findUnstorableText(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || value instanceof Uint8Array) return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (UNSTORABLE.test(key)) return childPath;
    const found = findUnstorableText(child, childPath, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * A request carrying unstorable text would fail in its first query (a 500), so it is refused
 * first: in its path it names nothing (404, like any path that climbs out of its place); in its
 * query, JSON or form body, or Idempotency-Key it is a 400 naming the field.
 */
export function refuseUnstorableText(request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void {
  if (findUnstorableText(request.params) !== null) return done(new NotFoundError());
  const where =
    findUnstorableText(request.query) ??
    findUnstorableText(request.headers['idempotency-key'], 'Idempotency-Key') ??
    findUnstorableText(request.body);
  done(where === null ? undefined : new ValidationFailedError({ [where || 'body']: 'fields.invalid' }));
}
