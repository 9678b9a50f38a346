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
exports.NoticeEntity = void 0;
const typeorm_1 = require("typeorm");
let NoticeEntity = class NoticeEntity {
    id;
    applicationId;
    kind;
    number;
    issuedAt;
    data;
    pdfSha256;
};
exports.NoticeEntity = NoticeEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], NoticeEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], NoticeEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], NoticeEntity.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Index)('notices_number_key', { unique: true }),
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], NoticeEntity.prototype, "number", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'issued_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], NoticeEntity.prototype, "issuedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', default: () => "'{}'" }),
    __metadata("design:type", Object)
], NoticeEntity.prototype, "data", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'pdf_sha256', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], NoticeEntity.prototype, "pdfSha256", void 0);
exports.NoticeEntity = NoticeEntity = __decorate([
    (0, typeorm_1.Entity)('notices'),
    (0, typeorm_1.Index)('notices_application_idx', ['applicationId', 'issuedAt'])
], NoticeEntity);
