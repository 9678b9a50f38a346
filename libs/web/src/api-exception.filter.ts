import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@onewindow/domain/errors';
import { Locale, translate } from './i18n';

const STATUS: Record<ErrorCode, number> = {
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

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_type',
  429: 'rate_limited',
};

export interface ApiErrorBody {
  statusCode: number;
  error: ErrorCode | 'internal' | 'unavailable';
  message: string;
  fields?: Record<string, string>;
}

export function localeOf(request: FastifyRequest): Locale {
  return (request as FastifyRequest & { locale?: Locale }).locale ?? 'zh-CN';
}

/** Turns any error into API.md's error body, in the request's language. Never leaks a stack. */
export function toApiError(error: unknown, locale: Locale): ApiErrorBody {
  if (error instanceof DomainError) {
    const statusCode = STATUS[error.code];
    const params = { ...error.params };
    if (typeof params.state === 'string') params.state = translate(locale, `state.${params.state}`);
    const body: ApiErrorBody = { statusCode, error: error.code, message: translate(locale, error.messageKey, params) };
    if (error.fields) {
      body.fields = Object.fromEntries(Object.entries(error.fields).map(([path, why]) => [path, translate(locale, why)]));
    }
    return body;
  }
  if (isDatabaseUnavailable(error)) {
    return { statusCode: 503, error: 'unavailable', message: translate(locale, 'errors.unavailable') };
  }
  const fastifyCode = (error as { code?: string })?.code;
  if (fastifyCode === 'FST_REQ_FILE_TOO_LARGE' || fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { statusCode: 413, error: 'too_large', message: translate(locale, 'errors.too_large', { maxMegabytes: 20 }) };
  }
  if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { statusCode: 415, error: 'unsupported_type', message: translate(locale, 'errors.unsupported_type', { accepted: 'application/json' }) };
  }
  if (error instanceof Error && /multipart|boundary/i.test(error.message) && !(error instanceof HttpException)) {
    return { statusCode: 400, error: 'validation_failed', message: translate(locale, 'errors.validation_failed'), fields: { file: translate(locale, 'fields.invalid') } };
  }
  if (fastifyCode?.startsWith('FST_CSRF')) {
    return { statusCode: 403, error: 'forbidden', message: translate(locale, 'errors.csrf') };
  }
  const status = error instanceof HttpException ? error.getStatus() : Number((error as { statusCode?: number })?.statusCode);
  // @fastify/static answers a path that climbs out of its root with a bare 403: to the caller that file does not exist.
  if (status === 403 && !(error instanceof HttpException) && !fastifyCode && (error as Error)?.message === 'Forbidden') {
    return { statusCode: 404, error: 'not_found', message: translate(locale, 'errors.not_found') };
  }
  if (status >= 400 && status < 500) {
    const code = CODE_OF_STATUS[status] ?? 'validation_failed';
    return { statusCode: status, error: code, message: translate(locale, `errors.${code}`) };
  }
  return { statusCode: 500, error: 'internal', message: translate(locale, 'errors.internal') };
}

/** Connection failures: the socket's errno, PostgreSQL's class 08 and its shutdown / start-up codes (57P01-57P03). */
const UNAVAILABLE_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND|08\w{3}|57P0[1-3])$/;
const UNAVAILABLE_MESSAGES = /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)/i;

/** TypeORM's answer to a query in a transaction whose connection the server has just closed. */
const RELEASED_RUNNER = /^QueryRunner(Provider)?AlreadyReleasedError$/;

/**
 * True when PostgreSQL could not be reached or dropped the connection (a restart, a fail-over):
 * a 503 the client may retry, not a 500. The transaction it was in rolled back whole.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown } | undefined, depth = 0; e && depth < 3; e = e.driverError as typeof e, depth++) {
    if (typeof e.name === 'string' && RELEASED_RUNNER.test(e.name)) return true;
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.test(e.code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = toApiError(error, localeOf(request));
    // The route's pattern, never the URL (its query may carry a phone number) nor the body; the logger masks the rest.
    if (body.statusCode === 503) this.logger.warn(`${request.method} ${request.routeOptions?.url ?? '(no route)'}: database unavailable (${describeError(error)})`);
    else if (body.statusCode >= 500) this.logger.error(`${request.method} ${request.routeOptions?.url ?? '(no route)'}: ${describeError(error)}`, error instanceof Error ? error.stack : undefined);
    if (body.statusCode === 503) void reply.header('retry-after', '5');
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

/** An error's name and message, without the SQL text or parameters a TypeORM QueryFailedError carries beside them. */
function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
}
