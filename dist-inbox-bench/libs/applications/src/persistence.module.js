"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PersistenceModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const config_1 = require("../../config/src/index.js");
const persistence_1 = require("../../persistence/src/index.js");
const auth_1 = require("../../auth/src/index.js");
let PersistenceModule = class PersistenceModule {
};
exports.PersistenceModule = PersistenceModule;
exports.PersistenceModule = PersistenceModule = __decorate([
    (0, common_1.Module)({
        imports: [
            typeorm_1.TypeOrmModule.forRootAsync({
                inject: [config_1.AppConfig],
                useFactory: (config) => ({ ...(0, persistence_1.createDataSource)(config.DATABASE_URL, { logErrors: config.NODE_ENV !== 'test' }).options }),
                dataSourceFactory: async (options) => new typeorm_2.DataSource(options).initialize(),
            }),
        ],
        providers: [
            { provide: persistence_1.FILE_STORAGE, inject: [config_1.AppConfig], useFactory: (config) => new persistence_1.DirectoryFileStorage(config.STORAGE_DIR) },
            { provide: auth_1.SessionService, inject: [typeorm_2.DataSource, config_1.AppConfig], useFactory: (ds, config) => new auth_1.SessionService(ds, config.SESSION_TTL_HOURS) },
            {
                provide: auth_1.LoginThrottle,
                inject: [config_1.AppConfig],
                useFactory: (config) => new auth_1.LoginThrottle({
                    redisUrl: config.REDIS_URL,
                    prefix: config.QUEUE_PREFIX,
                    maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
                    maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
                    windowSeconds: 60,
                }),
            },
            {
                provide: auth_1.AccountsService,
                inject: [typeorm_2.DataSource, auth_1.SessionService, auth_1.LoginThrottle],
                useFactory: (ds, s, throttle) => new auth_1.AccountsService(ds, s, throttle),
            },
        ],
        exports: [persistence_1.FILE_STORAGE, auth_1.SessionService, auth_1.AccountsService],
    })
], PersistenceModule);
