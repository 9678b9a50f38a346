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
exports.AssistedFilingsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const domain_1 = require("../../../libs/domain/src/index.js");
const errors_1 = require("../../../libs/domain/src/errors.js");
const applications_1 = require("../../../libs/applications/src/index.js");
const auth_1 = require("../../../libs/auth/src/index.js");
let ResidentIdConstraint = class ResidentIdConstraint {
    validate(value) {
        return typeof value === 'string' && (0, domain_1.isValidResidentId)(value);
    }
};
ResidentIdConstraint = __decorate([
    (0, class_validator_1.ValidatorConstraint)({ name: 'residentId' })
], ResidentIdConstraint);
class WalkInApplicantDto {
    name;
    phone;
    idNumber;
}
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)({ message: 'fields.name' }),
    (0, class_validator_1.MinLength)(1, { message: 'fields.name' }),
    (0, class_validator_1.MaxLength)(50, { message: 'fields.name' }),
    __metadata("design:type", String)
], WalkInApplicantDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)({ message: 'fields.mobile' }),
    (0, class_validator_1.Matches)(/^1[3-9]\d{9}$/, { message: 'fields.mobile' }),
    __metadata("design:type", String)
], WalkInApplicantDto.prototype, "phone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)({ message: 'fields.resident_id' }),
    (0, class_validator_1.Validate)(ResidentIdConstraint, { message: 'fields.resident_id' }),
    __metadata("design:type", String)
], WalkInApplicantDto.prototype, "idNumber", void 0);
class AuthorizationDto {
    number;
    materialId;
}
__decorate([
    (0, swagger_1.ApiProperty)({ description: "the written authorisation's number" }),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MinLength)(1, { message: 'fields.required' }),
    (0, class_validator_1.MaxLength)(100, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], AuthorizationDto.prototype, "number", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'id from POST /api/assisted-filings/authorizations' }),
    (0, class_validator_1.IsUUID)('all', { message: 'fields.uuid' }),
    __metadata("design:type", String)
], AuthorizationDto.prototype, "materialId", void 0);
class AssistedFilingDto {
    applicant;
    serviceCode;
    form;
    authorization;
}
__decorate([
    (0, swagger_1.ApiProperty)({ type: WalkInApplicantDto }),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => WalkInApplicantDto),
    __metadata("design:type", WalkInApplicantDto)
], AssistedFilingDto.prototype, "applicant", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MaxLength)(50),
    __metadata("design:type", String)
], AssistedFilingDto.prototype, "serviceCode", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: 'object', additionalProperties: true }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)({ message: 'fields.invalid' }),
    __metadata("design:type", Object)
], AssistedFilingDto.prototype, "form", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: AuthorizationDto }),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => AuthorizationDto),
    __metadata("design:type", AuthorizationDto)
], AssistedFilingDto.prototype, "authorization", void 0);
const asStaff = (account) => ({ kind: 'staff', id: account.id, name: account.name, roles: account.roles, sections: account.sections });
async function uploadedFile(request) {
    if (!request.isMultipart())
        throw new errors_1.ValidationFailedError({ file: 'fields.required' });
    const file = await request.file();
    if (!file)
        throw new errors_1.ValidationFailedError({ file: 'fields.required' });
    const field = file.fields.materialCode;
    return { materialCode: field?.value ?? request.query.materialCode, fileName: file.filename, stream: file.file };
}
let AssistedFilingsController = class AssistedFilingsController {
    filings;
    constructor(filings) {
        this.filings = filings;
    }
    async authorization(account, request) {
        return this.filings.uploadAuthorization(asStaff(account), await uploadedFile(request));
    }
    file(account, body, request) {
        return this.filings.file(asStaff(account), body, request.locale);
    }
    list(account) {
        return this.filings.list(asStaff(account));
    }
    async upload(account, id, request) {
        return this.filings.upload(asStaff(account), id, await uploadedFile(request));
    }
    submit(account, id, request) {
        return this.filings.submit(asStaff(account), id, request.locale);
    }
};
exports.AssistedFilingsController = AssistedFilingsController;
__decorate([
    (0, common_1.Post)('authorizations'),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], AssistedFilingsController.prototype, "authorization", null);
__decorate([
    (0, common_1.Post)(),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, AssistedFilingDto, Object]),
    __metadata("design:returntype", void 0)
], AssistedFilingsController.prototype, "file", null);
__decorate([
    (0, common_1.Get)(),
    __param(0, (0, auth_1.CurrentAccount)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], AssistedFilingsController.prototype, "list", null);
__decorate([
    (0, common_1.Post)(':id/materials'),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Object]),
    __metadata("design:returntype", Promise)
], AssistedFilingsController.prototype, "upload", null);
__decorate([
    (0, common_1.Post)(':id/submit'),
    (0, common_1.HttpCode)(202),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Object]),
    __metadata("design:returntype", void 0)
], AssistedFilingsController.prototype, "submit", null);
exports.AssistedFilingsController = AssistedFilingsController = __decorate([
    (0, swagger_1.ApiTags)('assisted filing'),
    (0, auth_1.Roles)('window_clerk', 'helper'),
    (0, common_1.Controller)('api/assisted-filings'),
    __metadata("design:paramtypes", [applications_1.AssistedFilingService])
], AssistedFilingsController);
