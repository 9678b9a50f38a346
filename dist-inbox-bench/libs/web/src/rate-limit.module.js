"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RateLimitModule = void 0;
const throttler_storage_redis_1 = require("@nest-lab/throttler-storage-redis");
const common_1 = require("@nestjs/common");
const throttler_1 = require("@nestjs/throttler");
const config_1 = require("../../config/src/index.js");
const THROTTLER_STORAGE = Symbol('ThrottlerStorage');
let ThrottlerStorageModule = class ThrottlerStorageModule {
};
ThrottlerStorageModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        providers: [
            {
                provide: THROTTLER_STORAGE,
                inject: [config_1.AppConfig],
                useFactory: (config) => new throttler_storage_redis_1.ThrottlerStorageRedisService(config.REDIS_URL, { keyPrefix: `${config.QUEUE_PREFIX}:throttle:`, maxRetriesPerRequest: 1 }),
            },
        ],
        exports: [THROTTLER_STORAGE],
    })
], ThrottlerStorageModule);
let RateLimitModule = class RateLimitModule {
};
exports.RateLimitModule = RateLimitModule;
exports.RateLimitModule = RateLimitModule = __decorate([
    (0, common_1.Module)({
        imports: [
            throttler_1.ThrottlerModule.forRootAsync({
                imports: [ThrottlerStorageModule],
                inject: [config_1.AppConfig, THROTTLER_STORAGE],
                useFactory: (config, storage) => ({
                    throttlers: [{ name: 'public', ttl: 60_000, limit: config.PUBLIC_RATE_LIMIT_PER_MINUTE }],
                    storage,
                }),
            }),
        ],
        exports: [throttler_1.ThrottlerModule],
    })
], RateLimitModule);
