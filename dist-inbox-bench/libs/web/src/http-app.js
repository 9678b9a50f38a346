"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.registeredRoutes = registeredRoutes;
exports.createHttpApp = createHttpApp;
exports.listen = listen;
const cookie_1 = __importDefault(require("@fastify/cookie"));
const csrf_protection_1 = __importDefault(require("@fastify/csrf-protection"));
const helmet_1 = __importDefault(require("@fastify/helmet"));
const multipart_1 = __importDefault(require("@fastify/multipart"));
const static_1 = __importDefault(require("@fastify/static"));
const node_path_1 = require("node:path");
const core_1 = require("@nestjs/core");
const platform_fastify_1 = require("@nestjs/platform-fastify");
const swagger_1 = require("@nestjs/swagger");
const api_exception_filter_1 = require("./api-exception.filter");
const i18n_1 = require("./i18n");
const request_validation_1 = require("./request-validation");
const json_logger_1 = require("./json-logger");
const views_1 = require("./views");
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const REGISTERED_ROUTES = new WeakMap();
function registeredRoutes(app) {
    return [...(REGISTERED_ROUTES.get(app) ?? [])];
}
async function createHttpApp(module, options) {
    const adapter = new platform_fastify_1.FastifyAdapter({ trustProxy: true, bodyLimit: 1024 * 1024 });
    const app = await core_1.NestFactory.create(module, adapter, {
        abortOnError: false,
        logger: (0, json_logger_1.appLogger)(options.name ?? 'web', options.logger),
    });
    const fastify = app.getHttpAdapter().getInstance();
    const routes = [];
    fastify.addHook('onRoute', (route) => {
        for (const method of [route.method].flat())
            routes.push({ method: String(method), url: route.url });
    });
    REGISTERED_ROUTES.set(app, routes);
    await app.register(helmet_1.default, {
        contentSecurityPolicy: {
            directives: {
                defaultSrc: ["'self'"],
                imgSrc: ["'self'", 'data:'],
                styleSrc: ["'self'"],
                scriptSrc: ["'self'"],
                formAction: ["'self'"],
                frameAncestors: ["'none'"],
                upgradeInsecureRequests: null,
            },
        },
    });
    await app.register(cookie_1.default);
    await app.register(csrf_protection_1.default, {
        cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true },
        getToken: (request) => request.body?._csrf ??
            request.query?._csrf ??
            request.headers['csrf-token'] ?? request.headers['xsrf-token'] ?? request.headers['x-csrf-token'] ?? request.headers['x-xsrf-token'],
    });
    await app.register(multipart_1.default, { limits: { fileSize: options.uploadMaxBytes, files: 1, fields: 10 } });
    await app.register(static_1.default, { root: (0, node_path_1.join)(__dirname, '..', 'assets'), prefix: '/assets/', maxAge: '1h' });
    await (0, views_1.registerViews)(app, { templateDirs: options.templateDirs });
    fastify.addHook('preHandler', (request, reply, done) => {
        const query = request.query;
        request.locale = (0, i18n_1.negotiateLocale)({
            query: query?.lang,
            cookie: request.cookies?.lang,
            acceptLanguage: request.headers['accept-language'],
        });
        if (typeof query?.lang === 'string' && query.lang === request.locale) {
            void reply.setCookie('lang', request.locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
        }
        const bearer = /^Bearer\s/i.test(request.headers.authorization ?? '');
        if (UNSAFE.has(request.method) && !bearer && request.cookies?.[options.sessionCookie]) {
            return fastify.csrfProtection(request, reply, done);
        }
        done();
    });
    fastify.addHook('onSend', (request, reply, payload, done) => {
        if (request.url.startsWith('/api/docs')) {
            const csp = reply.getHeader('content-security-policy');
            if (typeof csp === 'string')
                void reply.header('content-security-policy', csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
        }
        done(null, payload);
    });
    app.useGlobalFilters(new api_exception_filter_1.ApiExceptionFilter());
    app.useGlobalPipes((0, request_validation_1.requestValidationPipe)());
    app.enableShutdownHooks();
    const document = swagger_1.SwaggerModule.createDocument(app, new swagger_1.DocumentBuilder().setTitle(options.title).setVersion('1').addBearerAuth().build());
    swagger_1.SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
    return app;
}
async function listen(app, port, host) {
    await app.listen(port, host);
    return app.getUrl();
}
