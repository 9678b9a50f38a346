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
exports.LicenseEntity = void 0;
const typeorm_1 = require("typeorm");
let LicenseEntity = class LicenseEntity {
    id;
    applicationId;
    number;
    serviceCode;
    holderName;
    creditCode;
    issuedAt;
    validUntil;
    signedPayload;
    signature;
    keyId;
    pdfSha256;
    pdfSizeBytes;
    revokedAt;
    revokeReason;
};
exports.LicenseEntity = LicenseEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], LicenseEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)('licenses_application_key', { unique: true }),
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], LicenseEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.Index)('licenses_number_key', { unique: true }),
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], LicenseEntity.prototype, "number", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'service_code', type: 'text' }),
    __metadata("design:type", String)
], LicenseEntity.prototype, "serviceCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'holder_name', type: 'text' }),
    __metadata("design:type", String)
], LicenseEntity.prototype, "holderName", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'credit_code', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], LicenseEntity.prototype, "creditCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'issued_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], LicenseEntity.prototype, "issuedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'valid_until', type: 'date', nullable: true }),
    __metadata("design:type", Object)
], LicenseEntity.prototype, "validUntil", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'signed_payload', type: 'text' }),
    __metadata("design:type", String)
], LicenseEntity.prototype, "signedPayload", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], LicenseEntity.prototype, "signature", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'key_id', type: 'text' }),
    __metadata("design:type", String)
], LicenseEntity.prototype, "keyId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'pdf_sha256', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], LicenseEntity.prototype, "pdfSha256", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'pdf_size_bytes', type: 'int', nullable: true }),
    __metadata("design:type", Object)
], LicenseEntity.prototype, "pdfSizeBytes", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'revoked_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], LicenseEntity.prototype, "revokedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'revoke_reason', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], LicenseEntity.prototype, "revokeReason", void 0);
exports.LicenseEntity = LicenseEntity = __decorate([
    (0, typeorm_1.Entity)('licenses')
], LicenseEntity);
