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
exports.ApplicationsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const errors_1 = require("../../../libs/domain/src/errors.js");
const applications_1 = require("../../../libs/applications/src/index.js");
const auth_1 = require("../../../libs/auth/src/index.js");
class CreateApplicationDto {
    serviceCode;
    form;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'business-license' }),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MaxLength)(50, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], CreateApplicationDto.prototype, "serviceCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: 'object', additionalProperties: true, description: "the service's form; see formSchema" }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)({ message: 'fields.invalid' }),
    __metadata("design:type", Object)
], CreateApplicationDto.prototype, "form", void 0);
class UpdateApplicationDto {
    form;
}
__decorate([
    (0, swagger_1.ApiProperty)({ type: 'object', additionalProperties: true }),
    (0, class_validator_1.IsObject)({ message: 'fields.invalid' }),
    __metadata("design:type", Object)
], UpdateApplicationDto.prototype, "form", void 0);
function sendPdf(reply, bytes, fileName) {
    void reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'private, no-store')
        .send(bytes);
}
const asApplicant = (account) => ({ kind: 'applicant', id: account.id, name: account.name });
let ApplicationsController = class ApplicationsController {
    applications;
    constructor(applications) {
        this.applications = applications;
    }
    create(account, body, request) {
        return this.applications.createDraft(asApplicant(account), body, request.locale);
    }
    list(account) {
        return this.applications.list(asApplicant(account));
    }
    one(account, id) {
        return this.applications.view(asApplicant(account), id);
    }
    update(account, id, body, request) {
        return this.applications.updateForm(asApplicant(account), id, body, request.locale);
    }
    async upload(account, id, request) {
        if (!request.isMultipart())
            throw new errors_1.ValidationFailedError({ file: 'fields.required' });
        const file = await request.file();
        if (!file)
            throw new errors_1.ValidationFailedError({ file: 'fields.required' });
        const field = file.fields.materialCode;
        const materialCode = field?.value ?? request.query.materialCode;
        return this.applications.uploadMaterial(asApplicant(account), id, { materialCode, fileName: file.filename, stream: file.file });
    }
    submit(account, id, request, idempotencyKey) {
        return this.applications.submit(asApplicant(account), id, request.locale, idempotencyKey);
    }
    withdraw(account, id) {
        return this.applications.withdraw(asApplicant(account), id);
    }
    async notice(account, id, noticeId, reply) {
        const { bytes, number } = await this.applications.noticePdf(asApplicant(account), id, noticeId);
        sendPdf(reply, bytes, `notice-${number}.pdf`);
    }
    async license(account, id, reply) {
        const { bytes, number } = await this.applications.licensePdf(asApplicant(account), id);
        sendPdf(reply, bytes, `license-${number}.pdf`);
    }
};
exports.ApplicationsController = ApplicationsController;
__decorate([
    (0, common_1.Post)(),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, CreateApplicationDto, Object]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(),
    __param(0, (0, auth_1.CurrentAccount)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "one", null);
__decorate([
    (0, common_1.Patch)(':id'),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Body)()),
    __param(3, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, UpdateApplicationDto, Object]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "update", null);
__decorate([
    (0, common_1.Post)(':id/materials'),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Object]),
    __metadata("design:returntype", Promise)
], ApplicationsController.prototype, "upload", null);
__decorate([
    (0, common_1.Post)(':id/submit'),
    (0, common_1.HttpCode)(202),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Headers)('idempotency-key')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Object, String]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "submit", null);
__decorate([
    (0, common_1.Post)(':id/withdraw'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "withdraw", null);
__decorate([
    (0, common_1.Get)(':id/notices/:noticeId.pdf'),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Param)('noticeId')),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String, Object]),
    __metadata("design:returntype", Promise)
], ApplicationsController.prototype, "notice", null);
__decorate([
    (0, common_1.Get)(':id/license.pdf'),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Object]),
    __metadata("design:returntype", Promise)
], ApplicationsController.prototype, "license", null);
exports.ApplicationsController = ApplicationsController = __decorate([
    (0, swagger_1.ApiTags)('applications'),
    (0, common_1.Controller)('api/applications'),
    __metadata("design:paramtypes", [applications_1.ApplicantApplicationsService])
], ApplicationsController);
