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
exports.SealCarvingController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const applications_1 = require("../../../libs/applications/src/index.js");
const auth_1 = require("../../../libs/auth/src/index.js");
class OrdersQuery {
    status;
    lang;
}
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: ['open', 'made', 'delivered'] }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['open', 'made', 'delivered']),
    __metadata("design:type", String)
], OrdersQuery.prototype, "status", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['en', 'zh-CN']),
    __metadata("design:type", String)
], OrdersQuery.prototype, "lang", void 0);
const asStaff = (account) => ({ kind: 'staff', id: account.id, name: account.name, roles: account.roles, sections: account.sections });
let SealCarvingController = class SealCarvingController {
    orders;
    constructor(orders) {
        this.orders = orders;
    }
    list(account, query) {
        return this.orders.listForVendor(asStaff(account), query.status);
    }
    made(account, id) {
        return this.orders.mark(asStaff(account), id, 'made');
    }
    delivered(account, id) {
        return this.orders.mark(asStaff(account), id, 'delivered');
    }
};
exports.SealCarvingController = SealCarvingController;
__decorate([
    (0, common_1.Get)(),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, OrdersQuery]),
    __metadata("design:returntype", void 0)
], SealCarvingController.prototype, "list", null);
__decorate([
    (0, common_1.Post)(':id/made'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], SealCarvingController.prototype, "made", null);
__decorate([
    (0, common_1.Post)(':id/delivered'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], SealCarvingController.prototype, "delivered", null);
exports.SealCarvingController = SealCarvingController = __decorate([
    (0, swagger_1.ApiTags)('seal carving'),
    (0, auth_1.Roles)('seal_vendor', 'administrator'),
    (0, common_1.Controller)('api/seal-carving/orders'),
    __metadata("design:paramtypes", [applications_1.SealCarvingService])
], SealCarvingController);
