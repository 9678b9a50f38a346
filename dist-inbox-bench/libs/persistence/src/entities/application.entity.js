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
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApplicationEntity = void 0;
const typeorm_1 = require("typeorm");
let ApplicationEntity = class ApplicationEntity {
    id;
    number;
    serviceCode;
    state;
    applicantId;
    ownerAccountId;
    filedByAccountId;
    form;
    entityName;
    entityNameKey;
    applicantName;
    projectCode;
    greenChannelReason;
    authorizationNumber;
    contactPhone;
    claimHolderId;
    claimedAt;
    clerkCorrections;
    greenChannel;
    submittedAt;
    acceptedAt;
    decidedAt;
    issuedAt;
    extensionWorkingDays;
    extensionReason;
    dueAt;
    createdAt;
    updatedAt;
};
exports.ApplicationEntity = ApplicationEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ApplicationEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)('applications_number_key', { unique: true }),
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ApplicationEntity.prototype, "number", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'service_code', type: 'text' }),
    __metadata("design:type", String)
], ApplicationEntity.prototype, "serviceCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ApplicationEntity.prototype, "state", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'applicant_id', type: 'uuid' }),
    __metadata("design:type", String)
], ApplicationEntity.prototype, "applicantId", void 0);
__decorate([
    (0, typeorm_1.Index)('applications_owner_idx'),
    (0, typeorm_1.Column)({ name: 'owner_account_id', type: 'uuid' }),
    __metadata("design:type", String)
], ApplicationEntity.prototype, "ownerAccountId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'filed_by_account_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "filedByAccountId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', default: () => "'{}'" }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "form", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'entity_name', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "entityName", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'entity_name_key', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "entityNameKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'applicant_name', type: 'text', default: '' }),
    __metadata("design:type", String)
], ApplicationEntity.prototype, "applicantName", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'project_code', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "projectCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'green_channel_reason', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "greenChannelReason", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'authorization_number', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "authorizationNumber", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'contact_phone', type: 'text' }),
    __metadata("design:type", String)
], ApplicationEntity.prototype, "contactPhone", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'claim_holder_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "claimHolderId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'claimed_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "claimedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'clerk_corrections', type: 'int', default: 0 }),
    __metadata("design:type", Number)
], ApplicationEntity.prototype, "clerkCorrections", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'green_channel', type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], ApplicationEntity.prototype, "greenChannel", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'submitted_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "submittedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'accepted_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "acceptedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'decided_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "decidedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'issued_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "issuedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'extension_working_days', type: 'int', default: 0 }),
    __metadata("design:type", Number)
], ApplicationEntity.prototype, "extensionWorkingDays", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'extension_reason', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "extensionReason", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'due_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "dueAt", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ApplicationEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ApplicationEntity.prototype, "updatedAt", void 0);
exports.ApplicationEntity = ApplicationEntity = __decorate([
    (0, typeorm_1.Entity)('applications'),
    (0, typeorm_1.Index)('applications_inbox_idx', { synchronize: false }),
    (0, typeorm_1.Index)('applications_search_name_idx', { synchronize: false }),
    (0, typeorm_1.Index)('applications_search_applicant_idx', { synchronize: false }),
    (0, typeorm_1.Index)('applications_project_idx', ['projectCode'], { where: 'project_code IS NOT NULL' }),
    (0, typeorm_1.Index)('applications_name_key_idx', ['entityNameKey', 'serviceCode'])
], ApplicationEntity);
