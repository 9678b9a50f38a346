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
exports.DailyServiceStatEntity = void 0;
const typeorm_1 = require("typeorm");
let DailyServiceStatEntity = class DailyServiceStatEntity {
    day;
    serviceCode;
    submitted;
    accepted;
    decided;
    decidedOnTime;
    issued;
};
exports.DailyServiceStatEntity = DailyServiceStatEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'date' }),
    __metadata("design:type", String)
], DailyServiceStatEntity.prototype, "day", void 0);
__decorate([
    (0, typeorm_1.PrimaryColumn)({ name: 'service_code', type: 'text' }),
    __metadata("design:type", String)
], DailyServiceStatEntity.prototype, "serviceCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 0 }),
    __metadata("design:type", Number)
], DailyServiceStatEntity.prototype, "submitted", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 0 }),
    __metadata("design:type", Number)
], DailyServiceStatEntity.prototype, "accepted", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 0 }),
    __metadata("design:type", Number)
], DailyServiceStatEntity.prototype, "decided", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'decided_on_time', type: 'int', default: 0 }),
    __metadata("design:type", Number)
], DailyServiceStatEntity.prototype, "decidedOnTime", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 0 }),
    __metadata("design:type", Number)
], DailyServiceStatEntity.prototype, "issued", void 0);
exports.DailyServiceStatEntity = DailyServiceStatEntity = __decorate([
    (0, typeorm_1.Entity)('daily_service_stats')
], DailyServiceStatEntity);
