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
exports.AdminAccountsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const errors_1 = require("../../../libs/domain/src/errors.js");
const auth_1 = require("../../../libs/auth/src/index.js");
let AdminAccountsController = class AdminAccountsController {
    accounts;
    constructor(accounts) {
        this.accounts = accounts;
    }
    disable(admin, id) {
        if (id === admin.id)
            throw new errors_1.TransitionRefusedError('cannot_disable_self');
        return this.accounts.disable(id);
    }
};
exports.AdminAccountsController = AdminAccountsController;
__decorate([
    (0, common_1.Post)(':id/disable'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], AdminAccountsController.prototype, "disable", null);
exports.AdminAccountsController = AdminAccountsController = __decorate([
    (0, swagger_1.ApiTags)('admin'),
    (0, auth_1.Roles)('administrator'),
    (0, common_1.Controller)('api/admin/accounts'),
    __metadata("design:paramtypes", [auth_1.AccountsService])
], AdminAccountsController);
