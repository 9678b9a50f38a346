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
exports.VerificationCheckEntity = void 0;
const typeorm_1 = require("typeorm");
let VerificationCheckEntity = class VerificationCheckEntity {
    id;
    at;
    licenseNumber;
    result;
};
exports.VerificationCheckEntity = VerificationCheckEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('increment', { type: 'bigint' }),
    __metadata("design:type", String)
], VerificationCheckEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', default: () => 'now()' }),
    __metadata("design:type", Date)
], VerificationCheckEntity.prototype, "at", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'license_number', type: 'text' }),
    __metadata("design:type", String)
], VerificationCheckEntity.prototype, "licenseNumber", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], VerificationCheckEntity.prototype, "result", void 0);
exports.VerificationCheckEntity = VerificationCheckEntity = __decorate([
    (0, typeorm_1.Entity)('verification_checks'),
    (0, typeorm_1.Index)('verification_checks_at_idx', ['at'])
], VerificationCheckEntity);
