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
exports.ClockController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const applications_1 = require("../../../libs/applications/src/index.js");
const auth_1 = require("../../../libs/auth/src/index.js");
class StartSpecialProcedureDto {
    kind;
    reason;
}
__decorate([
    (0, swagger_1.ApiProperty)({ enum: applications_1.SPECIAL_PROCEDURES, description: '专家评审 expert review, 听证 hearing, 公示 public notice' }),
    (0, class_validator_1.IsIn)(applications_1.SPECIAL_PROCEDURES, { message: 'fields.invalid' }),
    __metadata("design:type", String)
], StartSpecialProcedureDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MinLength)(1, { message: 'rules.reason_required' }),
    (0, class_validator_1.MaxLength)(2000, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], StartSpecialProcedureDto.prototype, "reason", void 0);
class ExtendDto {
    workingDays;
    reason;
}
__decorate([
    (0, swagger_1.ApiProperty)({ minimum: 1, maximum: 10, description: 'working days added to the legal limit (at most 10, once)' }),
    (0, class_validator_1.IsInt)({ message: 'fields.invalid' }),
    (0, class_validator_1.Min)(1, { message: 'fields.invalid' }),
    __metadata("design:type", Number)
], ExtendDto.prototype, "workingDays", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MinLength)(1, { message: 'rules.reason_required' }),
    (0, class_validator_1.MaxLength)(2000, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], ExtendDto.prototype, "reason", void 0);
const asStaff = (account) => ({ kind: 'staff', id: account.id, name: account.name, roles: account.roles, sections: account.sections });
let ClockController = class ClockController {
    claims;
    clock;
    constructor(claims, clock) {
        this.claims = claims;
        this.clock = clock;
    }
    takeNext(account) {
        return this.claims.takeNext(asStaff(account));
    }
    startSpecialProcedure(account, id, body) {
        return this.clock.startSpecialProcedure(asStaff(account), id, body);
    }
    endSpecialProcedure(account, id) {
        return this.clock.endSpecialProcedure(asStaff(account), id);
    }
    extend(account, id, body) {
        return this.clock.extend(asStaff(account), id, body);
    }
};
exports.ClockController = ClockController;
__decorate([
    (0, common_1.Post)('inbox/take-next'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], ClockController.prototype, "takeNext", null);
__decorate([
    (0, common_1.Post)('applications/:id/special-procedures'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, StartSpecialProcedureDto]),
    __metadata("design:returntype", void 0)
], ClockController.prototype, "startSpecialProcedure", null);
__decorate([
    (0, common_1.Post)('applications/:id/special-procedures/end'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], ClockController.prototype, "endSpecialProcedure", null);
__decorate([
    (0, common_1.Post)('applications/:id/extend'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, ExtendDto]),
    __metadata("design:returntype", void 0)
], ClockController.prototype, "extend", null);
exports.ClockController = ClockController = __decorate([
    (0, swagger_1.ApiTags)('workflow'),
    (0, common_1.Controller)('api'),
    __metadata("design:paramtypes", [applications_1.ClaimsService,
        applications_1.ClockActionsService])
], ClockController);
