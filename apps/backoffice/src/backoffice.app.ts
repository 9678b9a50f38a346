import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, trustProxyOf } from '@onewindow/config';
import { createHttpApp } from '@onewindow/web';
import { VIEWS_DIR } from '@onewindow/web/views';
import { STAFF_SESSION_COOKIE } from './backoffice.constants';
import { BackofficeModule } from './backoffice.module';
import { mountQueueDashboard } from './queue-dashboard';

export async function createBackofficeApp(config: AppConfig, options: { logger?: boolean | 'quiet' } = {}): Promise<NestFastifyApplication> {
  const app = await createHttpApp(BackofficeModule, {
    name: 'backoffice',
    title: 'OneWindow back office API (一窗通办·工作台)',
    sessionCookie: STAFF_SESSION_COOKIE,
    uploadMaxBytes: config.UPLOAD_MAX_BYTES,
    trustProxy: trustProxyOf(config),
    logger: options.logger,
    // The back office's own error page (staff layout and links) in place of the portal's.
    templateDirs: [join(VIEWS_DIR, 'backoffice', 'own')],
  });
  // bull-board at /admin/queues, for administrators only (queue-dashboard.ts).
  await mountQueueDashboard(app, config);
  return app;
}
