"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UnsupportedTypeError = exports.TooLargeError = exports.ForbiddenError = exports.UnauthenticatedError = exports.NotFoundError = exports.ConflictError = exports.TransitionRefusedError = exports.SubmissionIncompleteError = exports.ValidationFailedError = exports.DomainError = void 0;
class DomainError extends Error {
    messageKey;
    params;
    fields;
    constructor(messageKey, params = {}, fields) {
        super(messageKey);
        this.messageKey = messageKey;
        this.params = params;
        this.fields = fields;
    }
}
exports.DomainError = DomainError;
class ValidationFailedError extends DomainError {
    code = 'validation_failed';
    constructor(fields, messageKey = 'errors.validation_failed') {
        super(messageKey, {}, fields);
    }
}
exports.ValidationFailedError = ValidationFailedError;
class SubmissionIncompleteError extends DomainError {
    code = 'submission_incomplete';
    constructor(fields) {
        super('errors.submission_incomplete', { count: Object.keys(fields).length }, fields);
    }
}
exports.SubmissionIncompleteError = SubmissionIncompleteError;
class TransitionRefusedError extends DomainError {
    rule;
    code = 'transition_refused';
    constructor(rule, params = {}) {
        super(`rules.${rule.startsWith('not_allowed_from_') ? 'not_allowed_from' : rule}`, { rule, ...params });
        this.rule = rule;
    }
}
exports.TransitionRefusedError = TransitionRefusedError;
class ConflictError extends DomainError {
    code = 'conflict';
    constructor(messageKey = 'errors.conflict', params = {}) {
        super(messageKey, params);
    }
}
exports.ConflictError = ConflictError;
class NotFoundError extends DomainError {
    code = 'not_found';
    constructor(messageKey = 'errors.not_found') {
        super(messageKey);
    }
}
exports.NotFoundError = NotFoundError;
class UnauthenticatedError extends DomainError {
    code = 'unauthenticated';
    constructor(messageKey = 'errors.unauthenticated') {
        super(messageKey);
    }
}
exports.UnauthenticatedError = UnauthenticatedError;
class ForbiddenError extends DomainError {
    code = 'forbidden';
    constructor(messageKey = 'errors.forbidden', params = {}) {
        super(messageKey, params);
    }
}
exports.ForbiddenError = ForbiddenError;
class TooLargeError extends DomainError {
    code = 'too_large';
    constructor(maxBytes, messageKey = 'errors.too_large') {
        super(messageKey, { maxMegabytes: Math.round(maxBytes / 1024 / 1024) });
    }
}
exports.TooLargeError = TooLargeError;
class UnsupportedTypeError extends DomainError {
    code = 'unsupported_type';
    constructor(accepted) {
        super('errors.unsupported_type', { accepted: accepted.join(', ') });
    }
}
exports.UnsupportedTypeError = UnsupportedTypeError;
