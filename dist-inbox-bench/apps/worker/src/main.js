"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const node_http_1 = require("node:http");
const config_1 = require("../../../libs/config/src/index.js");
const web_1 = require("../../../libs/web/src/index.js");
const worker_app_1 = require("./worker.app");
(0, web_1.runMain)('worker', async () => {
    const config = (0, config_1.loadConfig)();
    await (0, config_1.assertServicesReachable)({ postgres: config.DATABASE_URL, redis: config.REDIS_URL });
    const worker = await (0, worker_app_1.createWorker)(config);
    await worker.init();
    const health = (0, node_http_1.createServer)((req, res) => {
        res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'application/json' });
        res.end(req.url === '/health' ? JSON.stringify({ status: 'ok' }) : '{}');
    });
    health.listen(config.WORKER_PORT, config.HOST);
    process.once('SIGTERM', () => health.close());
    console.log(`worker running (queue prefix ${config.QUEUE_PREFIX}), health on http://${config.HOST}:${config.WORKER_PORT}/health`);
});
