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
exports.OutboxRelayService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const config_1 = require("../../../libs/config/src/index.js");
const queues_1 = require("../../../libs/queues/src/index.js");
let OutboxRelayService = class OutboxRelayService {
    logger = new common_1.Logger('OutboxRelay');
    queues;
    relay;
    constructor(dataSource, config) {
        this.queues = new queues_1.QueueRegistry(config.REDIS_URL, config.QUEUE_PREFIX);
        this.relay = new queues_1.OutboxRelay(dataSource, (name) => this.queues.get(name), {
            listenUrl: config.DATABASE_URL,
            onError: (error) => this.logger.error(error instanceof Error ? error.message : String(error)),
        });
    }
    async onApplicationBootstrap() {
        await this.relay.start();
    }
    async onApplicationShutdown() {
        await this.relay.stop();
        await this.queues.close();
    }
};
exports.OutboxRelayService = OutboxRelayService;
exports.OutboxRelayService = OutboxRelayService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource, config_1.AppConfig])
], OutboxRelayService);
