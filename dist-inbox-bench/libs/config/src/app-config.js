"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigError = exports.AppConfig = void 0;
exports.loadConfig = loadConfig;
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const toInt = ({ value }) => (value === undefined || value === '' ? undefined : Number(value));
class AppConfig {
    NODE_ENV = 'development';
    DATABASE_URL = 'postgres://onewindow_app@127.0.0.1:5432/onewindow';
    DATABASE_OWNER_URL = 'postgres://onewindow_owner@127.0.0.1:5432/onewindow';
    DATABASE_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
    REDIS_URL = 'redis://127.0.0.1:6379/0';
    QUEUE_PREFIX = 'onewindow';
    PORTAL_PORT = 3000;
    BACKOFFICE_PORT = 3001;
    WORKER_PORT = 3002;
    HOST = '127.0.0.1';
    PORTAL_PUBLIC_URL = 'http://127.0.0.1:3000';
    STORAGE_DIR = './var/storage';
    LICENSE_SIGNING_KEY;
    LICENSE_SIGNING_KEY_FILE;
    BUREAU_NAME = '朔州市平鲁区行政审批服务管理局';
    DIVISION_CODE = '140603';
    SESSION_TTL_HOURS = 12;
    UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
    UPLOAD_MAX_BYTES_PER_APPLICATION = 100 * 1024 * 1024;
    PUBLIC_RATE_LIMIT_PER_MINUTE = 60;
    LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;
    LOGIN_MAX_FAILURES_PER_ADDRESS = 5;
    DEMO_PASSWORD;
    CLAIM_IDLE_OFFICE_HOURS = 2;
    LOG_LEVEL = 'info';
}
exports.AppConfig = AppConfig;
__decorate([
    (0, class_validator_1.IsIn)(['development', 'test', 'production']),
    __metadata("design:type", String)
], AppConfig.prototype, "NODE_ENV", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' }),
    __metadata("design:type", Object)
], AppConfig.prototype, "DATABASE_URL", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' }),
    __metadata("design:type", Object)
], AppConfig.prototype, "DATABASE_OWNER_URL", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' }),
    __metadata("design:type", Object)
], AppConfig.prototype, "DATABASE_ADMIN_URL", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^rediss?:\/\//, { message: 'must be a redis:// URL' }),
    __metadata("design:type", Object)
], AppConfig.prototype, "REDIS_URL", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^[a-z0-9_-]+$/i, { message: 'letters, digits, - and _ only' }),
    __metadata("design:type", Object)
], AppConfig.prototype, "QUEUE_PREFIX", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(65535),
    __metadata("design:type", Object)
], AppConfig.prototype, "PORTAL_PORT", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(65535),
    __metadata("design:type", Object)
], AppConfig.prototype, "BACKOFFICE_PORT", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(65535),
    __metadata("design:type", Object)
], AppConfig.prototype, "WORKER_PORT", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "HOST", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^https?:\/\/[^/]+(\/.*)?$/, { message: 'must be an http(s) URL' }),
    __metadata("design:type", Object)
], AppConfig.prototype, "PORTAL_PUBLIC_URL", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "STORAGE_DIR", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], AppConfig.prototype, "LICENSE_SIGNING_KEY", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], AppConfig.prototype, "LICENSE_SIGNING_KEY_FILE", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(2),
    __metadata("design:type", Object)
], AppConfig.prototype, "BUREAU_NAME", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^\d{6}$/, { message: 'must be a 6-digit administrative division code' }),
    __metadata("design:type", Object)
], AppConfig.prototype, "DIVISION_CODE", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(24 * 30),
    __metadata("design:type", Object)
], AppConfig.prototype, "SESSION_TTL_HOURS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1024),
    __metadata("design:type", Object)
], AppConfig.prototype, "UPLOAD_MAX_BYTES", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1024),
    __metadata("design:type", Object)
], AppConfig.prototype, "UPLOAD_MAX_BYTES_PER_APPLICATION", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "PUBLIC_RATE_LIMIT_PER_MINUTE", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "LOGIN_MAX_FAILURES_PER_ACCOUNT", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "LOGIN_MAX_FAILURES_PER_ADDRESS", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(10),
    __metadata("design:type", String)
], AppConfig.prototype, "DEMO_PASSWORD", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsNumber)({}, { message: 'must be a number of office hours' }),
    (0, class_validator_1.Min)(0.25),
    (0, class_validator_1.Max)(7 * 20),
    __metadata("design:type", Object)
], AppConfig.prototype, "CLAIM_IDLE_OFFICE_HOURS", void 0);
__decorate([
    (0, class_validator_1.IsIn)(['fatal', 'error', 'warn', 'info', 'debug']),
    __metadata("design:type", String)
], AppConfig.prototype, "LOG_LEVEL", void 0);
class ConfigError extends Error {
}
exports.ConfigError = ConfigError;
function loadConfig(env = process.env) {
    const known = Object.keys(new AppConfig());
    const raw = {};
    for (const key of [...known, 'LICENSE_SIGNING_KEY', 'LICENSE_SIGNING_KEY_FILE', 'DEMO_PASSWORD']) {
        if (env[key] !== undefined && env[key] !== '')
            raw[key] = env[key];
    }
    const config = (0, class_transformer_1.plainToInstance)(AppConfig, raw, { exposeDefaultValues: true });
    const errors = (0, class_validator_1.validateSync)(config, { forbidUnknownValues: false });
    if (errors.length > 0) {
        const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(raw[e.property] ?? e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
        throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
    }
    if (config.NODE_ENV === 'production' && !config.LICENSE_SIGNING_KEY && !config.LICENSE_SIGNING_KEY_FILE) {
        throw new ConfigError('Invalid configuration:\n  LICENSE_SIGNING_KEY or LICENSE_SIGNING_KEY_FILE is required in production');
    }
    return config;
}
