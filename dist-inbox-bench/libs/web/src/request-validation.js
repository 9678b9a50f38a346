"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.flattenValidationErrors = flattenValidationErrors;
exports.requestValidationPipe = requestValidationPipe;
const common_1 = require("@nestjs/common");
const errors_1 = require("../../domain/src/errors.js");
const CONSTRAINT_KEYS = {
    whitelistValidation: 'fields.unknown',
    isDefined: 'fields.required',
    isNotEmpty: 'fields.required',
    maxLength: 'fields.text_too_long',
    isUuid: 'fields.uuid',
};
function flattenValidationErrors(errors, prefix = '') {
    const fields = {};
    for (const error of errors) {
        const path = prefix ? `${prefix}.${error.property}` : error.property;
        const constraints = error.constraints ?? {};
        const [name, message] = Object.entries(constraints)[0] ?? [];
        if (name)
            fields[path] = message?.startsWith('fields.') ? message : (CONSTRAINT_KEYS[name] ?? 'fields.invalid');
        Object.assign(fields, flattenValidationErrors(error.children ?? [], path));
    }
    return fields;
}
function requestValidationPipe() {
    return new common_1.ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        forbidUnknownValues: true,
        exceptionFactory: (errors) => new errors_1.ValidationFailedError(flattenValidationErrors(errors)),
    });
}
