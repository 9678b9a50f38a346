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
exports.OutboxMessageEntity = void 0;
const typeorm_1 = require("typeorm");
let OutboxMessageEntity = class OutboxMessageEntity {
    id;
    queue;
    jobName;
    payload;
    createdAt;
    sentAt;
};
exports.OutboxMessageEntity = OutboxMessageEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('increment', { type: 'bigint' }),
    __metadata("design:type", String)
], OutboxMessageEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], OutboxMessageEntity.prototype, "queue", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'job_name', type: 'text' }),
    __metadata("design:type", String)
], OutboxMessageEntity.prototype, "jobName", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], OutboxMessageEntity.prototype, "payload", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }),
    __metadata("design:type", Date)
], OutboxMessageEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'sent_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], OutboxMessageEntity.prototype, "sentAt", void 0);
exports.OutboxMessageEntity = OutboxMessageEntity = __decorate([
    (0, typeorm_1.Entity)('outbox'),
    (0, typeorm_1.Index)('outbox_unsent_idx', ['id'], { where: 'sent_at IS NULL' })
], OutboxMessageEntity);
