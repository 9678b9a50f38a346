import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, trustProxyOf } from '@onewindow/config';
import { createHttpApp } from '@onewindow/web';
import { PORTAL_SESSION_COOKIE } from './portal.constants';
import { PortalModule } from './portal.module';

/** The portal app, built but not listening: main.ts, the demo and the tests all start it this way. */
export function createPortalApp(config: AppConfig, options: { logger?: boolean | 'quiet' } = {}): Promise<NestFastifyApplication> {
  return createHttpApp(PortalModule, {
    name: 'portal',
    title: 'OneWindow portal API (一窗通办·申请人)',
    sessionCookie: PORTAL_SESSION_COOKIE,
    uploadMaxBytes: config.UPLOAD_MAX_BYTES,
    trustProxy: trustProxyOf(config),
    logger: options.logger,
  });
}
