"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.LoginThrottle = exports.RateLimitedError = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const ioredis_1 = __importDefault(require("ioredis"));
const errors_1 = require("../../domain/src/errors.js");
class RateLimitedError extends errors_1.DomainError {
    code = 'rate_limited';
    constructor() {
        super('errors.rate_limited');
    }
}
exports.RateLimitedError = RateLimitedError;
const COUNT_SCRIPT = `
if tonumber(ARGV[1]) < 0 and redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local n = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
return n`;
class LoginThrottle {
    options;
    logger = new common_1.Logger('LoginThrottle');
    redis = null;
    constructor(options) {
        this.options = options;
    }
    async guard(who, attempt) {
        const keys = this.keysOf(who);
        const counts = await this.count(keys, 1);
        const limited = counts !== null && counts.some((n, i) => n > keys[i].max);
        if (limited) {
            await this.count(keys, -1);
            throw new RateLimitedError();
        }
        try {
            const result = await attempt();
            await this.count(keys, -1);
            return result;
        }
        catch (error) {
            if (error instanceof RateLimitedError)
                await this.count(keys, -1);
            throw error;
        }
    }
    async onModuleDestroy() {
        await this.redis?.quit().catch(() => undefined);
        this.redis = null;
    }
    keysOf(who) {
        const hash = (s) => (0, node_crypto_1.createHash)('sha256').update(s).digest('hex').slice(0, 32);
        const keys = [{ key: `${this.options.prefix}:login-failures:account:${hash(who.account.trim().toLowerCase())}`, max: this.options.maxFailuresPerAccount }];
        if (who.address)
            keys.push({ key: `${this.options.prefix}:login-failures:address:${hash(who.address)}`, max: this.options.maxFailuresPerAddress });
        return keys;
    }
    async count(keys, by) {
        try {
            const redis = this.connection();
            return await Promise.all(keys.map(({ key }) => redis.eval(COUNT_SCRIPT, 1, key, String(by), String(this.options.windowSeconds))));
        }
        catch (error) {
            this.logger.warn(`sign-in limits unavailable, not enforced: ${error.message}`);
            return null;
        }
    }
    connection() {
        if (!this.redis) {
            this.redis = new ioredis_1.default(this.options.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 2000 });
            this.redis.on('error', () => undefined);
        }
        return this.redis;
    }
}
exports.LoginThrottle = LoginThrottle;
