import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@onewindow/config';
import { createHttpApp } from '@onewindow/web';
import { STAFF_SESSION_COOKIE } from './backoffice.constants';
import { BackofficeModule } from './backoffice.module';

export function createBackofficeApp(config: AppConfig, options: { logger?: boolean | 'quiet' } = {}): Promise<NestFastifyApplication> {
  return createHttpApp(BackofficeModule, {
    name: 'backoffice',
    title: 'OneWindow back office API (一窗通办·工作台)',
    sessionCookie: STAFF_SESSION_COOKIE,
    uploadMaxBytes: config.UPLOAD_MAX_BYTES,
    logger: options.logger,
  });
}
