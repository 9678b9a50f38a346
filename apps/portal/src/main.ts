import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { assertServicesReachable, loadConfig } from '@onewindow/config';
import { runMain } from '@onewindow/web';
import { createPortalApp } from './portal.app';

runMain('portal', async () => {
  const config = loadConfig();
  await assertServicesReachable({ postgres: config.DATABASE_URL, redis: config.REDIS_URL });
  const app = await createPortalApp(config);
  await app.listen(config.PORTAL_PORT, config.HOST);
  new Logger('portal').log(`portal listening on ${await app.getUrl()}`);
});
