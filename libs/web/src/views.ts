import fastifyView from '@fastify/view';
import { join } from 'node:path';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { UnauthenticatedError } from '@onewindow/domain/errors';
import { toApiError } from './api-exception.filter';
import { Locale, LOCALES, negotiateLocale, translate } from './i18n';

/** The shared templates: the layout, partials and the pages both apps may use. */
export const VIEWS_DIR = join(__dirname, '..', 'views');

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Page requests whose CSRF check has not passed (yet). */
const csrfPending = new WeakSet<FastifyRequest>();
const TIME_ZONE = 'Asia/Shanghai';

export interface ViewsOptions {
  /** Templates of the app itself, searched before the shared ones. */
  templateDirs?: string[];
}

type Params = Record<string, string | number>;

const isPageRequest = (request: FastifyRequest) => !/^\/(api|assets|\.well-known)(\/|$|\?)/.test(request.url);
const localeOf = (request: FastifyRequest): Locale =>
  request.locale ??
  negotiateLocale({ query: (request.query as Record<string, unknown> | undefined)?.lang, cookie: request.cookies?.lang, acceptLanguage: request.headers['accept-language'] });

/**
 * Registers @fastify/view with nunjucks (autoescaped) on an app, in STACK.md's order after the
 * static assets. Page forms are protected against CSRF even before sign-in (a forged sign-in is
 * an attack too); the API keeps its own rule in createHttpApp. An error the pages did not
 * render themselves (a refused CSRF token, an unknown address) is shown as a page to browsers.
 */
export async function registerViews(app: NestFastifyApplication, options: ViewsOptions = {}): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await app.register(fastifyView as never, {
    engine: { nunjucks },
    templates: [...(options.templateDirs ?? []), VIEWS_DIR],
    production: process.env.NODE_ENV === 'production',
    options: { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true, noCache: process.env.NODE_ENV === 'development' },
  });

  fastify.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    const bearer = /^Bearer\s/i.test(request.headers.authorization ?? '');
    if (UNSAFE.has(request.method) && !bearer && isPageRequest(request)) {
      // Marked until the check passes, so that a refusal is worded as an expired page, not a missing right.
      csrfPending.add(request);
      return fastify.csrfProtection(request, reply, (error?: Error) => {
        csrfPending.delete(request);
        done(error);
      });
    }
    done();
  });

  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.statusCode < 400 || !isPageRequest(request) || typeof payload !== 'string') return payload;
    if (!String(reply.getHeader('content-type') ?? '').includes('json') || !String(request.headers.accept ?? '').includes('text/html')) return payload;
    let message: string | undefined;
    try {
      message = csrfPending.has(request) ? translate(localeOf(request), 'errors.csrf') : (JSON.parse(payload) as { message?: string }).message;
    } catch {
      return payload;
    }
    const html = await reply.viewAsync('error.njk', { ...pageLocals(request, reply, { csrf: false }), status: reply.statusCode, message });
    void reply.header('content-type', 'text/html; charset=utf-8');
    return html;
  });
}

/** Formats instants for people: dates in the bureau's time zone, in the page's language. */
export function dateFormatter(locale: Locale) {
  const tag = locale === 'en' ? 'en-GB' : 'zh-CN';
  const date = new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric' });
  const time = new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const valid = (value: unknown): Date | null => {
    if (typeof value !== 'string' && !(value instanceof Date)) return null;
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  };
  return {
    date: (value: unknown) => {
      // A plain local date (YYYY-MM-DD) is already the bureau's day: read it at noon there.
      const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? valid(`${value}T12:00:00+08:00`) : valid(value);
      return d ? date.format(d) : '';
    },
    dateTime: (value: unknown) => {
      const d = valid(value);
      return d ? `${date.format(d)} ${time.format(d)}` : '';
    },
  };
}

/** The same address in the other language: every query parameter kept, `lang` replaced. */
export function languageLinks(url: string): Record<Locale, string> {
  const parsed = new URL(url, 'http://local');
  const links = {} as Record<Locale, string>;
  for (const locale of LOCALES) {
    const query = new URLSearchParams(parsed.search);
    query.delete('_csrf');
    query.set('lang', locale);
    links[locale] = `${parsed.pathname}?${query.toString()}`;
  }
  return links;
}

/** What every page's layout needs: language, words, the CSRF token for its forms, who is signed in. */
export function pageLocals(request: FastifyRequest, reply: FastifyReply, options: { csrf?: boolean } = {}) {
  const locale = localeOf(request);
  const format = dateFormatter(locale);
  const account = (request as FastifyRequest & { account?: { name: string; kind: string; roles?: string[] } }).account;
  return {
    locale,
    otherLocale: locale === 'en' ? 'zh-CN' : 'en',
    t: (key: string, params: Params = {}) => translate(locale, key, params),
    formatDate: format.date,
    formatDateTime: format.dateTime,
    languageLinks: languageLinks(request.url),
    path: new URL(request.url, 'http://local').pathname,
    csrfToken: options.csrf === false ? '' : reply.generateCsrf(),
    account: account ? { name: account.name, kind: account.kind, roles: account.roles ?? [] } : null,
  };
}

/** Renders a page with the layout's locals; pages are personal or change often, so never cached. */
export async function renderPage(request: FastifyRequest, reply: FastifyReply, template: string, data: Record<string, unknown> = {}, status = 200): Promise<void> {
  const html = await reply.viewAsync(template, { ...pageLocals(request, reply), ...data });
  await reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

/** After a form is handled: 303 so that reloading the next page does not post again. */
export async function redirectTo(reply: FastifyReply, url: string): Promise<void> {
  await reply.status(303).header('location', url).header('cache-control', 'no-store').send();
}

/**
 * For page controllers: not signed in → the sign-in page (and back afterwards); any other error
 * → an error page in the request's language with the API's status code.
 */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('PageExceptionFilter');

  constructor(private readonly signInPath = '/login') {}

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof UnauthenticatedError || (error instanceof HttpException && error.getStatus() === 401)) {
      const next = request.method === 'GET' ? request.url : new URL(request.url, 'http://local').pathname;
      void redirectTo(reply, `${this.signInPath}?next=${encodeURIComponent(next)}`);
      return;
    }
    const body = toApiError(error, localeOf(request));
    if (body.statusCode >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    renderPage(request, reply, 'error.njk', { status: body.statusCode, message: body.message }, body.statusCode).catch((renderError: unknown) => {
      this.logger.error(renderError instanceof Error ? renderError.stack : String(renderError));
      void reply.status(body.statusCode).header('content-type', 'text/plain; charset=utf-8').send(body.message);
    });
  }
}
