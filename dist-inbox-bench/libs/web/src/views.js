"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PageExceptionFilter = exports.VIEWS_DIR = void 0;
exports.registerViews = registerViews;
exports.dateFormatter = dateFormatter;
exports.languageLinks = languageLinks;
exports.pageLocals = pageLocals;
exports.renderPage = renderPage;
exports.redirectTo = redirectTo;
const view_1 = __importDefault(require("@fastify/view"));
const node_path_1 = require("node:path");
const common_1 = require("@nestjs/common");
const nunjucks_1 = __importDefault(require("nunjucks"));
const errors_1 = require("../../domain/src/errors.js");
const api_exception_filter_1 = require("./api-exception.filter");
const i18n_1 = require("./i18n");
exports.VIEWS_DIR = (0, node_path_1.join)(__dirname, '..', 'views');
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TIME_ZONE = 'Asia/Shanghai';
const isPageRequest = (request) => !/^\/(api|assets|\.well-known)(\/|$|\?)/.test(request.url);
const localeOf = (request) => request.locale ??
    (0, i18n_1.negotiateLocale)({ query: request.query?.lang, cookie: request.cookies?.lang, acceptLanguage: request.headers['accept-language'] });
async function registerViews(app, options = {}) {
    const fastify = app.getHttpAdapter().getInstance();
    await app.register(view_1.default, {
        engine: { nunjucks: nunjucks_1.default },
        templates: [...(options.templateDirs ?? []), exports.VIEWS_DIR],
        production: process.env.NODE_ENV === 'production',
        options: { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true, noCache: process.env.NODE_ENV === 'development' },
    });
    fastify.addHook('preHandler', (request, reply, done) => {
        const bearer = /^Bearer\s/i.test(request.headers.authorization ?? '');
        if (UNSAFE.has(request.method) && !bearer && isPageRequest(request))
            return fastify.csrfProtection(request, reply, done);
        done();
    });
    fastify.addHook('onSend', async (request, reply, payload) => {
        if (reply.statusCode < 400 || !isPageRequest(request) || typeof payload !== 'string')
            return payload;
        if (!String(reply.getHeader('content-type') ?? '').includes('json') || !String(request.headers.accept ?? '').includes('text/html'))
            return payload;
        let message;
        try {
            message = JSON.parse(payload).message;
        }
        catch {
            return payload;
        }
        const html = await reply.viewAsync('error.njk', { ...pageLocals(request, reply, { csrf: false }), status: reply.statusCode, message });
        void reply.header('content-type', 'text/html; charset=utf-8');
        return html;
    });
}
function dateFormatter(locale) {
    const tag = locale === 'en' ? 'en-GB' : 'zh-CN';
    const date = new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric' });
    const time = new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const valid = (value) => {
        if (typeof value !== 'string' && !(value instanceof Date))
            return null;
        const d = new Date(value);
        return Number.isNaN(d.getTime()) ? null : d;
    };
    return {
        date: (value) => {
            const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? valid(`${value}T12:00:00+08:00`) : valid(value);
            return d ? date.format(d) : '';
        },
        dateTime: (value) => {
            const d = valid(value);
            return d ? `${date.format(d)} ${time.format(d)}` : '';
        },
    };
}
function languageLinks(url) {
    const parsed = new URL(url, 'http://local');
    const links = {};
    for (const locale of i18n_1.LOCALES) {
        const query = new URLSearchParams(parsed.search);
        query.delete('_csrf');
        query.set('lang', locale);
        links[locale] = `${parsed.pathname}?${query.toString()}`;
    }
    return links;
}
function pageLocals(request, reply, options = {}) {
    const locale = localeOf(request);
    const format = dateFormatter(locale);
    const account = request.account;
    return {
        locale,
        otherLocale: locale === 'en' ? 'zh-CN' : 'en',
        t: (key, params = {}) => (0, i18n_1.translate)(locale, key, params),
        formatDate: format.date,
        formatDateTime: format.dateTime,
        languageLinks: languageLinks(request.url),
        path: new URL(request.url, 'http://local').pathname,
        csrfToken: options.csrf === false ? '' : reply.generateCsrf(),
        account: account ? { name: account.name, kind: account.kind } : null,
    };
}
async function renderPage(request, reply, template, data = {}, status = 200) {
    const html = await reply.viewAsync(template, { ...pageLocals(request, reply), ...data });
    await reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}
async function redirectTo(reply, url) {
    await reply.status(303).header('location', url).header('cache-control', 'no-store').send();
}
let PageExceptionFilter = class PageExceptionFilter {
    signInPath;
    logger = new common_1.Logger('PageExceptionFilter');
    constructor(signInPath = '/login') {
        this.signInPath = signInPath;
    }
    catch(error, host) {
        const request = host.switchToHttp().getRequest();
        const reply = host.switchToHttp().getResponse();
        if (error instanceof errors_1.UnauthenticatedError || (error instanceof common_1.HttpException && error.getStatus() === 401)) {
            const next = request.method === 'GET' ? request.url : new URL(request.url, 'http://local').pathname;
            void redirectTo(reply, `${this.signInPath}?next=${encodeURIComponent(next)}`);
            return;
        }
        const body = (0, api_exception_filter_1.toApiError)(error, localeOf(request));
        if (body.statusCode >= 500)
            this.logger.error(error instanceof Error ? error.stack : String(error));
        renderPage(request, reply, 'error.njk', { status: body.statusCode, message: body.message }, body.statusCode).catch((renderError) => {
            this.logger.error(renderError instanceof Error ? renderError.stack : String(renderError));
            void reply.status(body.statusCode).header('content-type', 'text/plain; charset=utf-8').send(body.message);
        });
    }
};
exports.PageExceptionFilter = PageExceptionFilter;
exports.PageExceptionFilter = PageExceptionFilter = __decorate([
    (0, common_1.Catch)(),
    __metadata("design:paramtypes", [Object])
], PageExceptionFilter);
