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
exports.AuditEventEntity = void 0;
const typeorm_1 = require("typeorm");
let AuditEventEntity = class AuditEventEntity {
    id;
    applicationId;
    at;
    actorKind;
    actorId;
    actorName;
    action;
    fromState;
    toState;
    note;
    data;
    prevHash;
    hash;
};
exports.AuditEventEntity = AuditEventEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('increment', { type: 'bigint' }),
    __metadata("design:type", String)
], AuditEventEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], AuditEventEntity.prototype, "at", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'actor_kind', type: 'text' }),
    __metadata("design:type", String)
], AuditEventEntity.prototype, "actorKind", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'actor_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "actorId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'actor_name', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "actorName", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], AuditEventEntity.prototype, "action", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'from_state', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "fromState", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'to_state', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "toState", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "note", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "data", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'prev_hash', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "prevHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], AuditEventEntity.prototype, "hash", void 0);
exports.AuditEventEntity = AuditEventEntity = __decorate([
    (0, typeorm_1.Entity)('audit_events'),
    (0, typeorm_1.Index)('audit_events_application_idx', ['applicationId', 'id']),
    (0, typeorm_1.Index)('audit_events_at_idx', ['at'])
], AuditEventEntity);
