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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotificationsPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const typeorm_1 = require("typeorm");
const errors_1 = require("../../../../libs/domain/src/errors.js");
const config_1 = require("../../../../libs/config/src/index.js");
const auth_1 = require("../../../../libs/auth/src/index.js");
const persistence_1 = require("../../../../libs/persistence/src/index.js");
const views_1 = require("../../../../libs/web/src/views.js");
const view_models_1 = require("./view-models");
const PAGE_SIZE = 100;
let NotificationsPagesController = class NotificationsPagesController {
    dataSource;
    config;
    constructor(dataSource, config) {
        this.dataSource = dataSource;
        this.config = config;
    }
    async mine(request, reply) {
        const account = (0, view_models_1.applicantOf)(request);
        const rows = await this.dataSource.getRepository(persistence_1.NotificationEntity).find({ where: { accountId: account.id }, order: { createdAt: 'DESC' }, take: PAGE_SIZE });
        await (0, views_1.renderPage)(request, reply, 'portal/notifications.njk', { rows });
    }
    async outbox(request, reply) {
        if (this.config.NODE_ENV === 'production')
            throw new errors_1.NotFoundError();
        const rows = await this.dataSource.getRepository(persistence_1.NotificationEntity).find({ order: { createdAt: 'DESC' }, take: 200 });
        await (0, views_1.renderPage)(request, reply, 'portal/outbox.njk', { rows });
    }
};
exports.NotificationsPagesController = NotificationsPagesController;
__decorate([
    (0, common_1.Get)('notifications'),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], NotificationsPagesController.prototype, "mine", null);
__decorate([
    (0, auth_1.Public)(),
    (0, common_1.Get)('dev/outbox'),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], NotificationsPagesController.prototype, "outbox", null);
exports.NotificationsPagesController = NotificationsPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.UseFilters)(new views_1.PageExceptionFilter('/login')),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        config_1.AppConfig])
], NotificationsPagesController);
