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
exports.TrackController = void 0;
const common_1 = require("@nestjs/common");
const throttler_1 = require("@nestjs/throttler");
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const applications_1 = require("../../../libs/applications/src/index.js");
const auth_1 = require("../../../libs/auth/src/index.js");
class TrackQuery {
    number;
    phone;
    lang;
}
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '14060320261127000042' }),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.Matches)(/^\d{20}$/, { message: 'fields.invalid' }),
    __metadata("design:type", String)
], TrackQuery.prototype, "number", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '13800000000' }),
    (0, class_validator_1.IsString)({ message: 'fields.mobile' }),
    (0, class_validator_1.Matches)(/^1[3-9]\d{9}$/, { message: 'fields.mobile' }),
    __metadata("design:type", String)
], TrackQuery.prototype, "phone", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['en', 'zh-CN']),
    __metadata("design:type", String)
], TrackQuery.prototype, "lang", void 0);
let TrackController = class TrackController {
    tracking;
    constructor(tracking) {
        this.tracking = tracking;
    }
    track(query, request) {
        return this.tracking.track(query.number, query.phone, request.locale);
    }
};
exports.TrackController = TrackController;
__decorate([
    (0, common_1.Get)(),
    __param(0, (0, common_1.Query)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [TrackQuery, Object]),
    __metadata("design:returntype", void 0)
], TrackController.prototype, "track", null);
exports.TrackController = TrackController = __decorate([
    (0, swagger_1.ApiTags)('tracking'),
    (0, auth_1.Public)(),
    (0, common_1.UseGuards)(throttler_1.ThrottlerGuard),
    (0, common_1.Controller)('api/track'),
    __metadata("design:paramtypes", [applications_1.TrackingService])
], TrackController);
