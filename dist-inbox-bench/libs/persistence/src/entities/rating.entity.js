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
exports.RatingEntity = void 0;
const typeorm_1 = require("typeorm");
let RatingEntity = class RatingEntity {
    id;
    applicationId;
    accountId;
    level;
    comment;
    createdAt;
    followUpStatus;
    response;
    respondedBy;
    respondedAt;
};
exports.RatingEntity = RatingEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], RatingEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)('ratings_application_key', { unique: true }),
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], RatingEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'account_id', type: 'uuid' }),
    __metadata("design:type", String)
], RatingEntity.prototype, "accountId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'smallint' }),
    __metadata("design:type", Number)
], RatingEntity.prototype, "level", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], RatingEntity.prototype, "comment", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }),
    __metadata("design:type", Date)
], RatingEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'follow_up_status', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], RatingEntity.prototype, "followUpStatus", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], RatingEntity.prototype, "response", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'responded_by', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], RatingEntity.prototype, "respondedBy", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'responded_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], RatingEntity.prototype, "respondedAt", void 0);
exports.RatingEntity = RatingEntity = __decorate([
    (0, typeorm_1.Entity)('ratings'),
    (0, typeorm_1.Check)('ratings_level_range', 'level BETWEEN 1 AND 5'),
    (0, typeorm_1.Check)('ratings_follow_up_status', "follow_up_status IS NULL OR follow_up_status IN ('open', 'closed')"),
    (0, typeorm_1.Index)('ratings_follow_up_idx', ['followUpStatus', 'createdAt'])
], RatingEntity);
