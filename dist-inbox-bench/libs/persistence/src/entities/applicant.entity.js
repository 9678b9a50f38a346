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
exports.ApplicantEntity = void 0;
const typeorm_1 = require("typeorm");
let ApplicantEntity = class ApplicantEntity {
    id;
    kind;
    name;
    idNumber;
    creditCode;
    phone;
    accountId;
    createdAt;
};
exports.ApplicantEntity = ApplicantEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ApplicantEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ApplicantEntity.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ApplicantEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Index)('applicants_id_number_key', { unique: true, where: 'id_number IS NOT NULL' }),
    (0, typeorm_1.Column)({ name: 'id_number', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ApplicantEntity.prototype, "idNumber", void 0);
__decorate([
    (0, typeorm_1.Index)('applicants_credit_code_key', { unique: true, where: 'credit_code IS NOT NULL' }),
    (0, typeorm_1.Column)({ name: 'credit_code', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ApplicantEntity.prototype, "creditCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ApplicantEntity.prototype, "phone", void 0);
__decorate([
    (0, typeorm_1.Index)('applicants_account_id_idx'),
    (0, typeorm_1.Column)({ name: 'account_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], ApplicantEntity.prototype, "accountId", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ApplicantEntity.prototype, "createdAt", void 0);
exports.ApplicantEntity = ApplicantEntity = __decorate([
    (0, typeorm_1.Entity)('applicants')
], ApplicantEntity);
