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
exports.AuditDailyDigestEntity = void 0;
const typeorm_1 = require("typeorm");
let AuditDailyDigestEntity = class AuditDailyDigestEntity {
    day;
    eventCount;
    digest;
    computedAt;
};
exports.AuditDailyDigestEntity = AuditDailyDigestEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'date' }),
    __metadata("design:type", String)
], AuditDailyDigestEntity.prototype, "day", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'event_count', type: 'int' }),
    __metadata("design:type", Number)
], AuditDailyDigestEntity.prototype, "eventCount", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], AuditDailyDigestEntity.prototype, "digest", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'computed_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], AuditDailyDigestEntity.prototype, "computedAt", void 0);
exports.AuditDailyDigestEntity = AuditDailyDigestEntity = __decorate([
    (0, typeorm_1.Entity)('audit_daily_digests')
], AuditDailyDigestEntity);
