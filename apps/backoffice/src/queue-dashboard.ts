import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '@onewindow/domain/errors';
import { AppConfig } from '@onewindow/config';
import { SessionService, tokenOf } from '@onewindow/auth';
import { ALL_QUEUES, QueueRegistry, redisEventsLoggedBy } from '@onewindow/queues';
import { negotiateLocale, toApiError, translate } from '@onewindow/web';
import { pageLocals } from '@onewindow/web/views';
import { STAFF_SESSION_COOKIE } from './backoffice.constants';

/** Where the dashboard lives; the administration pages link to it. */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * bull-board, mounted for administrators only: every queue of libs/queues, read-only (every
 * method but GET and HEAD is refused here with 405, as bull-board's "pause all" ignores its own
 * read-only flag; a retry goes through the failed-jobs page, which checks CSRF and records who
 * retried what). Its routes are Fastify's, not Nest's, so the staff session and the role are
 * checked here in an onRequest hook: nobody signed in is sent to sign in, anyone else but an
 * administrator gets 403.
 */
export async function mountQueueDashboard(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const sessions = app.get(SessionService);
  const root = app.getHttpAdapter().getInstance() as unknown as FastifyInstance & { view(template: string, data: object): Promise<string> };
  const registry = new QueueRegistry(config.REDIS_URL, config.QUEUE_PREFIX, redisEventsLoggedBy(new Logger('QueueDashboard'), 'queue dashboard'));
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: ALL_QUEUES.map((name) => new BullMQAdapter(registry.get(name), { readOnlyMode: true })),
    serverAdapter,
    // bull-board's page has one title for every visitor: the product's name in both languages.
    options: { uiConfig: { boardTitle: `${translate('en', 'admin.queues.board_title')} ${translate('zh-CN', 'admin.queues.board_title')}` } },
  });

  const guarded = async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const token = tokenOf(request, STAFF_SESSION_COOKIE);
      const account = token ? await sessions.resolve(token) : null;
      const locale = negotiateLocale({ query: (request.query as Record<string, unknown> | undefined)?.lang, cookie: request.cookies?.lang, acceptLanguage: request.headers['accept-language'] });
      if (account && account.kind !== 'staff') {
        return reply.status(403).send(toApiError(new ForbiddenError('errors.staff_only'), locale));
      }
      if (!account) {
        const next = new URL(request.url, 'http://local').pathname;
        return reply.status(303).header('location', `/login?next=${encodeURIComponent(next)}`).header('cache-control', 'no-store').send();
      }
      request.account = account;
      if (!account.roles.includes('administrator')) {
        const body = toApiError(new ForbiddenError(), locale);
        void reply.status(403).header('cache-control', 'no-store');
        if (!String(request.headers.accept ?? '').includes('text/html')) return reply.send(body);
        // The error page of the other pages, rendered by the app's own engine (bull-board's scope has ejs).
        const html = await root.view('error.njk', { ...pageLocals(request, reply, { csrf: false }), status: 403, message: body.message });
        return reply.header('content-type', 'text/html; charset=utf-8').send(html);
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return reply.status(405).header('allow', 'GET, HEAD').send({ statusCode: 405, error: 'method_not_allowed', message: translate(locale, 'admin.queues.read_only') });
      }
      // bull-board answers its own errors in JSON; the pages' error renderer (views.ts) must not try
      // to turn them into a page here, where the view engine is bull-board's.
      request.headers.accept = 'application/json';
    });
    await scope.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
  };
  await app.register(guarded as never);

  root.addHook('onClose', async () => {
    await registry.close().catch((error: unknown) => new Logger('QueueDashboard').warn(`closing the dashboard's queues: ${String(error)}`));
  });
}
