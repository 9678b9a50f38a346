"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.QueueRegistry = void 0;
exports.redisConnectionOptions = redisConnectionOptions;
exports.deleteQueueKeys = deleteQueueKeys;
const bullmq_1 = require("bullmq");
const ioredis_1 = __importDefault(require("ioredis"));
class QueueRegistry {
    prefix;
    queues = new Map();
    connection;
    constructor(redisUrl, prefix) {
        this.prefix = prefix;
        this.connection = new ioredis_1.default(redisUrl, { maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: false });
    }
    get(name) {
        let queue = this.queues.get(name);
        if (!queue) {
            queue = new bullmq_1.Queue(name, { connection: this.connection, prefix: this.prefix });
            this.queues.set(name, queue);
        }
        return queue;
    }
    async close() {
        await Promise.all([...this.queues.values()].map((q) => q.close()));
        this.queues.clear();
        await this.connection.quit().catch(() => undefined);
    }
}
exports.QueueRegistry = QueueRegistry;
function redisConnectionOptions(url) {
    const u = new URL(url);
    return {
        host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
        port: u.port ? Number(u.port) : 6379,
        db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
        ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
        ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
        ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
        maxRetriesPerRequest: null,
    };
}
async function deleteQueueKeys(redisUrl, prefix) {
    const redis = new ioredis_1.default(redisUrl, { maxRetriesPerRequest: 1 });
    let deleted = 0;
    try {
        let cursor = '0';
        do {
            const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
            cursor = next;
            if (keys.length > 0)
                deleted += await redis.del(...keys);
        } while (cursor !== '0');
    }
    finally {
        redis.disconnect();
    }
    return deleted;
}
