import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationFailedError } from '@onewindow/domain/errors';

const MAX_DEPTH = 32;

/** The dotted path of the first string (or key) holding U+0000, '' for the value itself, or null. */
export function findNulCharacter(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || value instanceof Uint8Array) return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return childPath;
    const found = findNulCharacter(child, childPath, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000: a query given one fails (a 500). A request carrying one is
 * refused first: in its path it names nothing (404, like any path that climbs out of its place);
 * in its query, JSON or form body, or Idempotency-Key it is a 400 naming the field.
 */
export function refuseNulCharacters(request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void {
  if (findNulCharacter(request.params) !== null) return done(new NotFoundError());
  const where =
    findNulCharacter(request.query) ??
    findNulCharacter(request.headers['idempotency-key'], 'Idempotency-Key') ??
    findNulCharacter(request.body);
  done(where === null ? undefined : new ValidationFailedError({ [where || 'body']: 'fields.invalid' }));
}
