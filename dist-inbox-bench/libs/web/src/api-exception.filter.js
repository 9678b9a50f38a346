"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApiExceptionFilter = void 0;
exports.localeOf = localeOf;
exports.toApiError = toApiError;
const common_1 = require("@nestjs/common");
const errors_1 = require("../../domain/src/errors.js");
const i18n_1 = require("./i18n");
const STATUS = {
    validation_failed: 400,
    unauthenticated: 401,
    forbidden: 403,
    not_found: 404,
    conflict: 409,
    too_large: 413,
    unsupported_type: 415,
    submission_incomplete: 422,
    transition_refused: 422,
    rate_limited: 429,
};
const CODE_OF_STATUS = {
    400: 'validation_failed',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
    413: 'too_large',
    415: 'unsupported_type',
    429: 'rate_limited',
};
function localeOf(request) {
    return request.locale ?? 'zh-CN';
}
function toApiError(error, locale) {
    if (error instanceof errors_1.DomainError) {
        const statusCode = STATUS[error.code];
        const params = { ...error.params };
        if (typeof params.state === 'string')
            params.state = (0, i18n_1.translate)(locale, `state.${params.state}`);
        const body = { statusCode, error: error.code, message: (0, i18n_1.translate)(locale, error.messageKey, params) };
        if (error.fields) {
            body.fields = Object.fromEntries(Object.entries(error.fields).map(([path, why]) => [path, (0, i18n_1.translate)(locale, why)]));
        }
        return body;
    }
    const fastifyCode = error?.code;
    if (fastifyCode === 'FST_REQ_FILE_TOO_LARGE' || fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return { statusCode: 413, error: 'too_large', message: (0, i18n_1.translate)(locale, 'errors.too_large', { maxMegabytes: 20 }) };
    }
    if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        return { statusCode: 415, error: 'unsupported_type', message: (0, i18n_1.translate)(locale, 'errors.unsupported_type', { accepted: 'application/json' }) };
    }
    if (error instanceof Error && /multipart|boundary/i.test(error.message) && !(error instanceof common_1.HttpException)) {
        return { statusCode: 400, error: 'validation_failed', message: (0, i18n_1.translate)(locale, 'errors.validation_failed'), fields: { file: (0, i18n_1.translate)(locale, 'fields.invalid') } };
    }
    if (fastifyCode?.startsWith('FST_CSRF')) {
        return { statusCode: 403, error: 'forbidden', message: (0, i18n_1.translate)(locale, 'errors.csrf') };
    }
    const status = error instanceof common_1.HttpException ? error.getStatus() : Number(error?.statusCode);
    if (status === 403 && !(error instanceof common_1.HttpException) && !fastifyCode && error?.message === 'Forbidden') {
        return { statusCode: 404, error: 'not_found', message: (0, i18n_1.translate)(locale, 'errors.not_found') };
    }
    if (status >= 400 && status < 500) {
        const code = CODE_OF_STATUS[status] ?? 'validation_failed';
        return { statusCode: status, error: code, message: (0, i18n_1.translate)(locale, `errors.${code}`) };
    }
    return { statusCode: 500, error: 'internal', message: (0, i18n_1.translate)(locale, 'errors.internal') };
}
let ApiExceptionFilter = class ApiExceptionFilter {
    logger = new common_1.Logger('ApiExceptionFilter');
    catch(error, host) {
        const http = host.switchToHttp();
        const request = http.getRequest();
        const reply = http.getResponse();
        const body = toApiError(error, localeOf(request));
        if (body.statusCode >= 500)
            this.logger.error(`${request.method} ${request.routeOptions?.url ?? '(no route)'}: ${describeError(error)}`, error instanceof Error ? error.stack : undefined);
        void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
    }
};
exports.ApiExceptionFilter = ApiExceptionFilter;
exports.ApiExceptionFilter = ApiExceptionFilter = __decorate([
    (0, common_1.Catch)()
], ApiExceptionFilter);
function describeError(error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
}
