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
exports.VerifyController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const throttler_1 = require("@nestjs/throttler");
const applications_1 = require("../../../libs/applications/src/index.js");
const auth_1 = require("../../../libs/auth/src/index.js");
const verify_page_1 = require("./verify.page");
let VerifyController = class VerifyController {
    verification;
    constructor(verification) {
        this.verification = verification;
    }
    api(licenseNumber, d, sig) {
        return this.verification.verify(licenseNumber, d, sig);
    }
    async page(licenseNumber, d, sig, request) {
        return (0, verify_page_1.renderVerifyPage)(await this.verification.verify(licenseNumber, d, sig), request.locale, { d, sig });
    }
};
exports.VerifyController = VerifyController;
__decorate([
    (0, common_1.Get)('api/verify/:licenseNumber'),
    __param(0, (0, common_1.Param)('licenseNumber')),
    __param(1, (0, common_1.Query)('d')),
    __param(2, (0, common_1.Query)('sig')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object]),
    __metadata("design:returntype", void 0)
], VerifyController.prototype, "api", null);
__decorate([
    (0, common_1.Get)('verify/:licenseNumber'),
    (0, common_1.Header)('content-type', 'text/html; charset=utf-8'),
    (0, common_1.Header)('cache-control', 'no-store'),
    __param(0, (0, common_1.Param)('licenseNumber')),
    __param(1, (0, common_1.Query)('d')),
    __param(2, (0, common_1.Query)('sig')),
    __param(3, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], VerifyController.prototype, "page", null);
exports.VerifyController = VerifyController = __decorate([
    (0, swagger_1.ApiTags)('verification'),
    (0, auth_1.Public)(),
    (0, common_1.UseGuards)(throttler_1.ThrottlerGuard),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [applications_1.VerificationService])
], VerifyController);
