import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from '@onewindow/domain/errors';

/** Message keys for class-validator constraints that carry no `message` of their own. */
const CONSTRAINT_KEYS: Record<string, string> = {
  whitelistValidation: 'fields.unknown',
  isDefined: 'fields.required',
  isNotEmpty: 'fields.required',
  maxLength: 'fields.text_too_long',
  isUuid: 'fields.uuid',
};

/** Flattens nested class-validator errors into `{ "a.0.b": "<message key>" }`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    const [name, message] = Object.entries(constraints)[0] ?? [];
    if (name) fields[path] = message?.startsWith('fields.') ? message : (CONSTRAINT_KEYS[name] ?? 'fields.invalid');
    Object.assign(fields, flattenValidationErrors(error.children ?? [], path));
  }
  return fields;
}

/** Request bodies: unknown fields refused, types checked, each problem named by its field (400). */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}
