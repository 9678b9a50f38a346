import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { join } from 'node:path';
import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiExceptionFilter } from './api-exception.filter';
import { Locale, negotiateLocale } from './i18n';
import { requestValidationPipe } from './request-validation';
import { appLogger } from './json-logger';
import { refuseUnstorableText } from './text-guard';
import { registerViews } from './views';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether the apps' cookies (sessions, CSRF) carry Secure: in production, behind TLS; development
 * and the tests run over plain HTTP, where a browser would drop a Secure cookie.
 */
export function cookiesSecure(): boolean {
  return process.env.NODE_ENV === 'production';
}

export interface HttpAppOptions {
  title: string;
  /** Name of the session cookie; a request that changes state with it must pass CSRF. */
  sessionCookie: string;
  uploadMaxBytes: number;
  /** The app's own page templates, searched before the shared ones in libs/web/views. */
  templateDirs?: string[];
  /** false: silent; 'quiet': errors and warnings; default: also start-up and lifecycle logs. */
  logger?: boolean | 'quiet';
  /** The app's name in its JSON log lines. */
  name?: string;
  /**
   * Which hops may name the client's address in X-Forwarded-For (config TRUST_PROXY): false, a
   * hop count, or proxy addresses. `request.ip` feeds the sign-in and look-up limits, so trusting
   * every hop would let any client reset them with a made-up header.
   */
  trustProxy: false | number | string[];
}

export interface RegisteredRoute {
  method: string;
  url: string;
}

const REGISTERED_ROUTES = new WeakMap<object, RegisteredRoute[]>();

/** Every route an app made by createHttpApp serves, as registered (Fastify's automatic HEAD routes included). */
export function registeredRoutes(app: object): RegisteredRoute[] {
  return [...(REGISTERED_ROUTES.get(app) ?? [])];
}

/**
 * Builds one of the HTTP apps (portal or back office) in STACK.md's wiring order:
 * helmet → cookie → csrf → multipart → locale and CSRF hook → Swagger. The caller listens.
 */
export async function createHttpApp(module: Type<unknown>, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ trustProxy: options.trustProxy, bodyLimit: 1024 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    abortOnError: false,
    logger: appLogger(options.name ?? 'web', options.logger),
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // Every route as registered (controllers, plugins, Swagger): the access-matrix test walks this list.
  const routes: RegisteredRoute[] = [];
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method: String(method), url: route.url });
  });
  REGISTERED_ROUTES.set(app, routes);

  await app.register(fastifyHelmet as never, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // No page frames anything; the back office's case page alone lets in its own PDF previews.
        frameSrc: ["'none'"],
        // Served over plain HTTP on localhost in development. Helmet's default HSTS header stays: browsers ignore it over plain HTTP.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie as never);
  await app.register(fastifyCsrf as never, {
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: cookiesSecure() },
    // Page forms post `_csrf` in the body; multipart forms (uploads) carry it as `?_csrf=`, as their body is read later.
    getToken: (request: FastifyRequest) =>
      (request.body as Record<string, unknown> | undefined)?._csrf ??
      (request.query as Record<string, unknown> | undefined)?._csrf ??
      request.headers['csrf-token'] ?? request.headers['xsrf-token'] ?? request.headers['x-csrf-token'] ?? request.headers['x-xsrf-token'],
  });
  await app.register(fastifyMultipart as never, { limits: { fileSize: options.uploadMaxBytes, files: 1, fields: 10 } });
  // Stylesheets and icons shared by both apps' pages (copied beside the build by `npm run build`).
  await app.register(fastifyStatic as never, { root: join(__dirname, '..', 'assets'), prefix: '/assets/', maxAge: '1h' });
  await registerViews(app, { templateDirs: options.templateDirs });

  fastify.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    const query = request.query as Record<string, unknown> | undefined;
    request.locale = negotiateLocale({
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
  fastify.addHook('preHandler', refuseUnstorableText);

  // Swagger UI styles itself inline: allow that on the docs pages only.
  fastify.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: Error | null, value: unknown) => void) => {
    if (request.url.startsWith('/api/docs')) {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string') void reply.header('content-security-policy', csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
    }
    done(null, payload);
  });

  app.useGlobalFilters(new ApiExceptionFilter());
  app.useGlobalPipes(requestValidationPipe());
  // On SIGTERM Nest stops taking requests, lets those in flight finish (Fastify's close), closes the
  // modules and exits 0; not re-raising the signal, so an orchestrator sees a clean exit.
  app.enableShutdownHooks(undefined, { useProcessExit: true });

  const document = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle(options.title).setVersion('1').addBearerAuth().build());
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

export async function listen(app: INestApplication, port: number, host: string): Promise<string> {
  await app.listen(port, host);
  return app.getUrl();
}
