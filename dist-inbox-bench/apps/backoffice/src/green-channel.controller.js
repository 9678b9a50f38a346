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
exports.GreenChannelController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const applications_1 = require("../../../libs/applications/src/index.js");
const auth_1 = require("../../../libs/auth/src/index.js");
class ReasonDto {
    reason;
}
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MinLength)(1, { message: 'rules.reason_required' }),
    (0, class_validator_1.MaxLength)(1000, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], ReasonDto.prototype, "reason", void 0);
class KeyProjectDto {
    projectCode;
    name;
    reason;
    helperUsernames;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-140603-02-01-000001' }),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MaxLength)(24, { message: 'fields.invalid' }),
    __metadata("design:type", String)
], KeyProjectDto.prototype, "projectCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MinLength)(1, { message: 'fields.required' }),
    (0, class_validator_1.MaxLength)(200, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], KeyProjectDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MinLength)(1, { message: 'rules.reason_required' }),
    (0, class_validator_1.MaxLength)(1000, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], KeyProjectDto.prototype, "reason", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [String], description: '帮办 helpers (usernames) who see and work all its files' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.IsString)({ each: true }),
    __metadata("design:type", Array)
], KeyProjectDto.prototype, "helperUsernames", void 0);
const asStaff = (account) => ({ kind: 'staff', id: account.id, name: account.name, roles: account.roles, sections: account.sections });
let GreenChannelController = class GreenChannelController {
    greenChannel;
    constructor(greenChannel) {
        this.greenChannel = greenChannel;
    }
    markFile(account, id, body) {
        return this.greenChannel.markFile(asStaff(account), id, body.reason);
    }
    markProject(account, body) {
        return this.greenChannel.markProject(asStaff(account), body);
    }
};
exports.GreenChannelController = GreenChannelController;
__decorate([
    (0, common_1.Post)('applications/:id/green-channel'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, ReasonDto]),
    __metadata("design:returntype", void 0)
], GreenChannelController.prototype, "markFile", null);
__decorate([
    (0, common_1.Post)('key-projects'),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, KeyProjectDto]),
    __metadata("design:returntype", void 0)
], GreenChannelController.prototype, "markProject", null);
exports.GreenChannelController = GreenChannelController = __decorate([
    (0, swagger_1.ApiTags)('green channel'),
    (0, auth_1.Roles)('window_clerk', 'section_head', 'administrator'),
    (0, common_1.Controller)('api'),
    __metadata("design:paramtypes", [applications_1.GreenChannelService])
], GreenChannelController);
