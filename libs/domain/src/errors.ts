/**
 * Errors the services throw; one exception filter per app maps them to HTTP (API.md, "Errors").
 * They carry a stable code and a message key with parameters, never HTTP types, so the worker
 * can use the same services.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'submission_incomplete'
  | 'transition_refused'
  | 'conflict'
  | 'not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'too_large'
  | 'unsupported_type'
  | 'rate_limited';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    /** Key into the message catalogues (libs/web), e.g. `errors.not_found`. */
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    /** Per-field reasons, already in the request's language, keyed by dotted path. */
    readonly fields?: Record<string, string>,
  ) {
    super(messageKey);
  }
}

export class ValidationFailedError extends DomainError {
  readonly code = 'validation_failed';
  constructor(fields: Record<string, string>, messageKey = 'errors.validation_failed') {
    super(messageKey, {}, fields);
  }
}
export class SubmissionIncompleteError extends DomainError {
  readonly code = 'submission_incomplete';
  constructor(fields: Record<string, string>) {
    super('errors.submission_incomplete', { count: Object.keys(fields).length }, fields);
  }
}
export class TransitionRefusedError extends DomainError {
  readonly code = 'transition_refused';
  /** `fields`: the input the refusal is about, when there is one (a date before the permit it must follow). */
  constructor(readonly rule: string, params: Record<string, string | number> = {}, fields?: Record<string, string>) {
    super(`rules.${rule.startsWith('not_allowed_from_') ? 'not_allowed_from' : rule}`, { rule, ...params }, fields);
  }
}
export class ConflictError extends DomainError {
  readonly code = 'conflict';
  constructor(messageKey = 'errors.conflict', params: Record<string, string | number> = {}) {
    super(messageKey, params);
  }
}
export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  constructor(messageKey = 'errors.not_found') {
    super(messageKey);
  }
}
export class UnauthenticatedError extends DomainError {
  readonly code = 'unauthenticated';
  constructor(messageKey = 'errors.unauthenticated') {
    super(messageKey);
  }
}
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  constructor(messageKey = 'errors.forbidden', params: Record<string, string | number> = {}) {
    super(messageKey, params);
  }
}
export class TooLargeError extends DomainError {
  readonly code = 'too_large';
  constructor(maxBytes: number, messageKey = 'errors.too_large') {
    super(messageKey, { maxMegabytes: Math.round(maxBytes / 1024 / 1024) });
  }
}
export class UnsupportedTypeError extends DomainError {
  readonly code = 'unsupported_type';
  constructor(accepted: string[]) {
    super('errors.unsupported_type', { accepted: accepted.join(', ') });
  }
}
