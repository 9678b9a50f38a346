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
exports.StaffApplicationsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const domain_1 = require("../../../libs/domain/src/index.js");
const applications_1 = require("../../../libs/applications/src/index.js");
const auth_1 = require("../../../libs/auth/src/index.js");
const asStaff = (account) => ({
    kind: 'staff',
    id: account.id,
    name: account.name,
    roles: account.roles,
    sections: account.sections,
});
const toBoolean = ({ value }) => (value === 'true' ? true : value === 'false' ? false : value);
const toInt = ({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const trimmed = ({ value }) => (typeof value === 'string' ? value.trim() : value);
const INBOX_STATES = Object.values(applications_1.QUEUE_OF_ROLE);
class InboxQuery {
    service;
    state;
    greenChannel;
    claimedBy;
    overdue;
    dueWithinWorkingDays;
    q;
    limit;
    cursor;
    lang;
}
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: domain_1.SERVICE_CODES }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(domain_1.SERVICE_CODES),
    __metadata("design:type", String)
], InboxQuery.prototype, "service", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: INBOX_STATES }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(INBOX_STATES),
    __metadata("design:type", String)
], InboxQuery.prototype, "state", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(toBoolean),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], InboxQuery.prototype, "greenChannel", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: ['me', 'none'] }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['me', 'none']),
    __metadata("design:type", String)
], InboxQuery.prototype, "claimedBy", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'true: due time passed; false: not passed' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(toBoolean),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], InboxQuery.prototype, "overdue", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'due by the close of business on the Nth working day from today (0: today), overdue files included', minimum: 0, maximum: 60 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(60),
    __metadata("design:type", Number)
], InboxQuery.prototype, "dueWithinWorkingDays", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'an application number or its first digits, or part of the entity or applicant name' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(trimmed),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1, { message: 'fields.required' }),
    (0, class_validator_1.MaxLength)(100),
    __metadata("design:type", String)
], InboxQuery.prototype, "q", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 50, maximum: 200 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(200),
    __metadata("design:type", Number)
], InboxQuery.prototype, "limit", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", String)
], InboxQuery.prototype, "cursor", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['en', 'zh-CN']),
    __metadata("design:type", String)
], InboxQuery.prototype, "lang", void 0);
class ReasonDto {
    reason;
}
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MinLength)(1, { message: 'rules.reason_required' }),
    (0, class_validator_1.MaxLength)(2000, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], ReasonDto.prototype, "reason", void 0);
class OpinionDto {
    opinion;
}
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MinLength)(1, { message: 'rules.reason_required' }),
    (0, class_validator_1.MaxLength)(2000, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], OpinionDto.prototype, "opinion", void 0);
class CorrectionItemDto {
    field;
    materialCode;
    reason;
}
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CorrectionItemDto.prototype, "field", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(100),
    __metadata("design:type", String)
], CorrectionItemDto.prototype, "materialCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MinLength)(1, { message: 'fields.required' }),
    (0, class_validator_1.MaxLength)(1000, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], CorrectionItemDto.prototype, "reason", void 0);
class RequestCorrectionDto {
    items;
    reason;
}
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CorrectionItemDto] }),
    (0, class_validator_1.IsArray)({ message: 'rules.correction_items_required' }),
    (0, class_validator_1.ArrayMinSize)(1, { message: 'rules.correction_items_required' }),
    (0, class_validator_1.ArrayMaxSize)(100),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => CorrectionItemDto),
    __metadata("design:type", Array)
], RequestCorrectionDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'required for a second correction request' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(2000, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], RequestCorrectionDto.prototype, "reason", void 0);
let StaffApplicationsController = class StaffApplicationsController {
    workflow;
    constructor(workflow) {
        this.workflow = workflow;
    }
    inbox(account, query) {
        return this.workflow.inbox(asStaff(account), query);
    }
    one(account, id) {
        return this.workflow.view(asStaff(account), id);
    }
    claim(account, id) {
        return this.workflow.claim(asStaff(account), id);
    }
    release(account, id) {
        return this.workflow.release(asStaff(account), id);
    }
    accept(account, id) {
        return this.workflow.act(asStaff(account), id, 'accept');
    }
    requestCorrection(account, id, body) {
        return this.workflow.act(asStaff(account), id, 'request_correction', { items: body.items, reason: body.reason });
    }
    refuse(account, id, body) {
        return this.workflow.act(asStaff(account), id, 'refuse', { reason: body.reason });
    }
    approve(account, id, body) {
        return this.workflow.act(asStaff(account), id, 'approve', { reason: body.opinion });
    }
    deny(account, id, body) {
        return this.workflow.act(asStaff(account), id, 'deny', { reason: body.reason });
    }
    seal(account, id) {
        return this.workflow.act(asStaff(account), id, 'seal');
    }
    revoke(account, id, body) {
        return this.workflow.act(asStaff(account), id, 'revoke', { reason: body.reason });
    }
};
exports.StaffApplicationsController = StaffApplicationsController;
__decorate([
    (0, common_1.Get)('inbox'),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, InboxQuery]),
    __metadata("design:returntype", void 0)
], StaffApplicationsController.prototype, "inbox", null);
__decorate([
    (0, common_1.Get)('applications/:id'),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], StaffApplicationsController.prototype, "one", null);
__decorate([
    (0, common_1.Post)('applications/:id/claim'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], StaffApplicationsController.prototype, "claim", null);
__decorate([
    (0, common_1.Post)('applications/:id/release'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], StaffApplicationsController.prototype, "release", null);
__decorate([
    (0, common_1.Post)('applications/:id/accept'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], StaffApplicationsController.prototype, "accept", null);
__decorate([
    (0, common_1.Post)('applications/:id/request-correction'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, RequestCorrectionDto]),
    __metadata("design:returntype", void 0)
], StaffApplicationsController.prototype, "requestCorrection", null);
__decorate([
    (0, common_1.Post)('applications/:id/refuse'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, ReasonDto]),
    __metadata("design:returntype", void 0)
], StaffApplicationsController.prototype, "refuse", null);
__decorate([
    (0, common_1.Post)('applications/:id/approve'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, OpinionDto]),
    __metadata("design:returntype", void 0)
], StaffApplicationsController.prototype, "approve", null);
__decorate([
    (0, common_1.Post)('applications/:id/deny'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, ReasonDto]),
    __metadata("design:returntype", void 0)
], StaffApplicationsController.prototype, "deny", null);
__decorate([
    (0, common_1.Post)('applications/:id/seal'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], StaffApplicationsController.prototype, "seal", null);
__decorate([
    (0, common_1.Post)('applications/:id/revoke'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, ReasonDto]),
    __metadata("design:returntype", void 0)
], StaffApplicationsController.prototype, "revoke", null);
exports.StaffApplicationsController = StaffApplicationsController = __decorate([
    (0, swagger_1.ApiTags)('workflow'),
    (0, common_1.Controller)('api'),
    __metadata("design:paramtypes", [applications_1.StaffWorkflowService])
], StaffApplicationsController);
