import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { assertServicesReachable, loadConfig } from '@onewindow/config';
import { runMain } from '@onewindow/web';
import { createBackofficeApp } from './backoffice.app';

runMain('backoffice', async () => {
  const config = loadConfig();
  await assertServicesReachable({ postgres: config.DATABASE_URL, redis: config.REDIS_URL });
  const app = await createBackofficeApp(config);
  await app.listen(config.BACKOFFICE_PORT, config.HOST);
  new Logger('backoffice').log(`back office listening on ${await app.getUrl()}`);
});
