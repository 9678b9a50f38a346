import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createServer } from 'node:http';
import { assertServicesReachable, loadConfig } from '@onewindow/config';
import { runMain } from '@onewindow/web';
import { createWorker } from './worker.app';

runMain('worker', async () => {
  const config = loadConfig();
  await assertServicesReachable({ postgres: config.DATABASE_URL, redis: config.REDIS_URL });
  const worker = await createWorker(config);
  await worker.init();
  // Health only: the worker serves nothing else over HTTP.
  const health = createServer((req, res) => {
    res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(req.url === '/health' ? JSON.stringify({ status: 'ok' }) : '{}');
  });
  health.listen(config.WORKER_PORT, config.HOST);
  process.once('SIGTERM', () => health.close());
  new Logger('worker').log(`worker running (role ${config.WORKER_ROLE}, queue prefix ${config.QUEUE_PREFIX}), health on http://${config.HOST}:${config.WORKER_PORT}/health`);
});
