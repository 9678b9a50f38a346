"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisSettingsError = void 0;
exports.checkRedisSettings = checkRedisSettings;
exports.createWorker = createWorker;
const core_1 = require("@nestjs/core");
const ioredis_1 = __importDefault(require("ioredis"));
const web_1 = require("../../../libs/web/src/index.js");
const worker_module_1 = require("./worker.module");
class RedisSettingsError extends Error {
}
exports.RedisSettingsError = RedisSettingsError;
async function checkRedisSettings(redisUrl, warn) {
    const redis = new ioredis_1.default(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
        await redis.connect();
        const [, policy] = (await redis.config('GET', 'maxmemory-policy'));
        if (policy !== 'noeviction') {
            throw new RedisSettingsError(`Redis at ${redisUrl} has maxmemory-policy=${policy}; BullMQ needs noeviction (redis-cli config set maxmemory-policy noeviction)`);
        }
        const [, aof] = (await redis.config('GET', 'appendonly'));
        const [, save] = (await redis.config('GET', 'save'));
        if (aof !== 'yes' && !save)
            warn(`Redis at ${redisUrl} keeps nothing on disk: a Redis restart drops queued jobs until the outbox re-sends them`);
    }
    finally {
        redis.disconnect();
    }
}
async function createWorker(config, options = {}) {
    await checkRedisSettings(config.REDIS_URL, (message) => options.logger !== false && console.warn(`worker: ${message}`));
    const app = await core_1.NestFactory.createApplicationContext(worker_module_1.WorkerModule, {
        abortOnError: false,
        logger: (0, web_1.appLogger)('worker', options.logger),
    });
    app.enableShutdownHooks();
    return app;
}
