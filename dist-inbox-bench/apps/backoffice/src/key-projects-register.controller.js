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
exports.KeyProjectsRegisterController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const applications_1 = require("../../../libs/applications/src/index.js");
const auth_1 = require("../../../libs/auth/src/index.js");
const DATE = /^\d{4}-\d{2}-\d{2}$/;
class RegisterDetailsDto {
    owner;
    investment;
    plannedStart;
    section;
}
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '朔州市平鲁区晋能光伏科技有限公司', description: '项目业主' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)((_, v) => v !== null),
    (0, class_validator_1.IsString)({ message: 'fields.invalid' }),
    (0, class_validator_1.MaxLength)(200, { message: 'fields.text_too_long' }),
    __metadata("design:type", Object)
], RegisterDetailsDto.prototype, "owner", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '27700', description: '总投资（万元，至多4位小数）' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)((_, v) => v !== null),
    (0, class_validator_1.IsString)({ message: 'fields.invalid' }),
    (0, class_validator_1.MaxLength)(20, { message: 'fields.invalid' }),
    __metadata("design:type", Object)
], RegisterDetailsDto.prototype, "investment", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2026-12-01', description: '计划开工日期' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)((_, v) => v !== null),
    (0, class_validator_1.IsString)({ message: 'fields.invalid' }),
    (0, class_validator_1.Matches)(DATE, { message: 'fields.invalid' }),
    __metadata("design:type", Object)
], RegisterDetailsDto.prototype, "plannedStart", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'construction', description: "the section in charge (a reviewing section's code)" }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)((_, v) => v !== null),
    (0, class_validator_1.IsString)({ message: 'fields.invalid' }),
    (0, class_validator_1.MaxLength)(50, { message: 'fields.invalid' }),
    __metadata("design:type", Object)
], RegisterDetailsDto.prototype, "section", void 0);
class StartDto {
    startedOn;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-20', description: 'the day works started (not before the construction permit was issued)' }),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.Matches)(DATE, { message: 'fields.invalid' }),
    __metadata("design:type", String)
], StartDto.prototype, "startedOn", void 0);
class LangQuery {
    lang;
}
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['en', 'zh-CN']),
    __metadata("design:type", String)
], LangQuery.prototype, "lang", void 0);
class MonthQuery extends LangQuery {
    month;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-10' }),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.Matches)(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'fields.invalid' }),
    __metadata("design:type", String)
], MonthQuery.prototype, "month", void 0);
class QuarterQuery extends LangQuery {
    quarter;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-Q4' }),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.Matches)(/^\d{4}-Q[1-4]$/, { message: 'fields.invalid' }),
    __metadata("design:type", String)
], QuarterQuery.prototype, "quarter", void 0);
class StartRateQuery extends LangQuery {
    asOf;
}
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2026-11-30', description: 'as of this date (default today)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(DATE, { message: 'fields.invalid' }),
    __metadata("design:type", String)
], StartRateQuery.prototype, "asOf", void 0);
const asStaff = (account) => ({ kind: 'staff', id: account.id, name: account.name, roles: account.roles, sections: account.sections });
let KeyProjectsRegisterController = class KeyProjectsRegisterController {
    projects;
    constructor(projects) {
        this.projects = projects;
    }
    list(_query) {
        return this.projects.list();
    }
    startRate(query) {
        return this.projects.startRate(query.asOf);
    }
    dispatch(_query) {
        return this.projects.dispatch();
    }
    bulletin(query) {
        return this.projects.bulletin(query.month);
    }
    assessment(query) {
        return this.projects.assessment(query.quarter);
    }
    get(code) {
        return this.projects.get(code);
    }
    update(account, code, body) {
        return this.projects.update(asStaff(account), code, body);
    }
    start(account, code, body) {
        return this.projects.recordStart(asStaff(account), code, body);
    }
};
exports.KeyProjectsRegisterController = KeyProjectsRegisterController;
__decorate([
    (0, common_1.Get)(),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [LangQuery]),
    __metadata("design:returntype", void 0)
], KeyProjectsRegisterController.prototype, "list", null);
__decorate([
    (0, common_1.Get)('start-rate'),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [StartRateQuery]),
    __metadata("design:returntype", void 0)
], KeyProjectsRegisterController.prototype, "startRate", null);
__decorate([
    (0, common_1.Get)('dispatch'),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [LangQuery]),
    __metadata("design:returntype", void 0)
], KeyProjectsRegisterController.prototype, "dispatch", null);
__decorate([
    (0, common_1.Get)('bulletin'),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [MonthQuery]),
    __metadata("design:returntype", void 0)
], KeyProjectsRegisterController.prototype, "bulletin", null);
__decorate([
    (0, common_1.Get)('assessment'),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [QuarterQuery]),
    __metadata("design:returntype", void 0)
], KeyProjectsRegisterController.prototype, "assessment", null);
__decorate([
    (0, common_1.Get)(':code'),
    __param(0, (0, common_1.Param)('code')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], KeyProjectsRegisterController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)(':code'),
    (0, auth_1.Roles)('window_clerk', 'section_head', 'administrator'),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('code')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, RegisterDetailsDto]),
    __metadata("design:returntype", void 0)
], KeyProjectsRegisterController.prototype, "update", null);
__decorate([
    (0, common_1.Post)(':code/start'),
    (0, common_1.HttpCode)(200),
    (0, auth_1.Roles)('helper', 'administrator'),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('code')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, StartDto]),
    __metadata("design:returntype", void 0)
], KeyProjectsRegisterController.prototype, "start", null);
exports.KeyProjectsRegisterController = KeyProjectsRegisterController = __decorate([
    (0, swagger_1.ApiTags)('key projects'),
    (0, auth_1.Roles)('leadership', 'administrator', 'section_head', 'helper', 'window_clerk'),
    (0, common_1.Controller)('api/key-projects'),
    __metadata("design:paramtypes", [applications_1.KeyProjectsService])
], KeyProjectsRegisterController);
