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
exports.CorrectionEntity = void 0;
const typeorm_1 = require("typeorm");
let CorrectionEntity = class CorrectionEntity {
    id;
    applicationId;
    source;
    requestedBy;
    requestedAt;
    items;
    reason;
    resolvedAt;
};
exports.CorrectionEntity = CorrectionEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], CorrectionEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)('corrections_application_idx'),
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], CorrectionEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], CorrectionEntity.prototype, "source", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'requested_by', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], CorrectionEntity.prototype, "requestedBy", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'requested_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], CorrectionEntity.prototype, "requestedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Array)
], CorrectionEntity.prototype, "items", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], CorrectionEntity.prototype, "reason", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'resolved_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], CorrectionEntity.prototype, "resolvedAt", void 0);
exports.CorrectionEntity = CorrectionEntity = __decorate([
    (0, typeorm_1.Entity)('corrections')
], CorrectionEntity);
