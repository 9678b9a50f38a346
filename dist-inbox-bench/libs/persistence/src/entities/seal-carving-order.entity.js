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
exports.SealCarvingOrderEntity = void 0;
const typeorm_1 = require("typeorm");
let SealCarvingOrderEntity = class SealCarvingOrderEntity {
    id;
    applicationId;
    entityName;
    creditCode;
    seals;
    status;
    vendorId;
    openedAt;
    madeAt;
    deliveredAt;
};
exports.SealCarvingOrderEntity = SealCarvingOrderEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], SealCarvingOrderEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)('seal_carving_orders_application_key', { unique: true }),
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], SealCarvingOrderEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'entity_name', type: 'text' }),
    __metadata("design:type", String)
], SealCarvingOrderEntity.prototype, "entityName", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'credit_code', type: 'text' }),
    __metadata("design:type", String)
], SealCarvingOrderEntity.prototype, "creditCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', array: true }),
    __metadata("design:type", Array)
], SealCarvingOrderEntity.prototype, "seals", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', default: 'open' }),
    __metadata("design:type", String)
], SealCarvingOrderEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'vendor_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], SealCarvingOrderEntity.prototype, "vendorId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'opened_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], SealCarvingOrderEntity.prototype, "openedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'made_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], SealCarvingOrderEntity.prototype, "madeAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'delivered_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], SealCarvingOrderEntity.prototype, "deliveredAt", void 0);
exports.SealCarvingOrderEntity = SealCarvingOrderEntity = __decorate([
    (0, typeorm_1.Entity)('seal_carving_orders'),
    (0, typeorm_1.Index)('seal_carving_orders_status_idx', ['status', 'openedAt'])
], SealCarvingOrderEntity);
