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
exports.MaterialEntity = void 0;
const typeorm_1 = require("typeorm");
let MaterialEntity = class MaterialEntity {
    id;
    applicationId;
    materialCode;
    fileName;
    mimeType;
    sizeBytes;
    sha256;
    uploadedBy;
    uploadedAt;
};
exports.MaterialEntity = MaterialEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], MaterialEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], MaterialEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'material_code', type: 'text' }),
    __metadata("design:type", String)
], MaterialEntity.prototype, "materialCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'file_name', type: 'text' }),
    __metadata("design:type", String)
], MaterialEntity.prototype, "fileName", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'mime_type', type: 'text' }),
    __metadata("design:type", String)
], MaterialEntity.prototype, "mimeType", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'size_bytes', type: 'bigint' }),
    __metadata("design:type", String)
], MaterialEntity.prototype, "sizeBytes", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], MaterialEntity.prototype, "sha256", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'uploaded_by', type: 'uuid' }),
    __metadata("design:type", String)
], MaterialEntity.prototype, "uploadedBy", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'uploaded_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], MaterialEntity.prototype, "uploadedAt", void 0);
exports.MaterialEntity = MaterialEntity = __decorate([
    (0, typeorm_1.Entity)('materials'),
    (0, typeorm_1.Index)('materials_application_idx', ['applicationId', 'materialCode'])
], MaterialEntity);
