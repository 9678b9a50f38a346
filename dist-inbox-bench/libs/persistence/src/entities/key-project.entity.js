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
exports.KeyProjectEntity = void 0;
const typeorm_1 = require("typeorm");
let KeyProjectEntity = class KeyProjectEntity {
    projectCode;
    name;
    reason;
    markedBy;
    helperIds;
    createdAt;
    owner;
    investment;
    plannedStart;
    section;
    startedOn;
    startRecordedBy;
    startRecordedAt;
};
exports.KeyProjectEntity = KeyProjectEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ name: 'project_code', type: 'text' }),
    __metadata("design:type", String)
], KeyProjectEntity.prototype, "projectCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], KeyProjectEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], KeyProjectEntity.prototype, "reason", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'marked_by', type: 'uuid' }),
    __metadata("design:type", String)
], KeyProjectEntity.prototype, "markedBy", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'helper_ids', type: 'uuid', array: true, default: () => "'{}'" }),
    __metadata("design:type", Array)
], KeyProjectEntity.prototype, "helperIds", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], KeyProjectEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], KeyProjectEntity.prototype, "owner", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'numeric', precision: 14, scale: 4, nullable: true }),
    __metadata("design:type", Object)
], KeyProjectEntity.prototype, "investment", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'planned_start', type: 'date', nullable: true }),
    __metadata("design:type", Object)
], KeyProjectEntity.prototype, "plannedStart", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], KeyProjectEntity.prototype, "section", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'started_on', type: 'date', nullable: true }),
    __metadata("design:type", Object)
], KeyProjectEntity.prototype, "startedOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'start_recorded_by', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], KeyProjectEntity.prototype, "startRecordedBy", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'start_recorded_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], KeyProjectEntity.prototype, "startRecordedAt", void 0);
exports.KeyProjectEntity = KeyProjectEntity = __decorate([
    (0, typeorm_1.Entity)('key_projects')
], KeyProjectEntity);
