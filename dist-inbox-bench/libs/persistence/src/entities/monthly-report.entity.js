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
exports.MonthlyReportEntity = void 0;
const typeorm_1 = require("typeorm");
let MonthlyReportEntity = class MonthlyReportEntity {
    month;
    generatedAt;
    generatedBy;
    calendar;
    report;
    reportSha256;
    pdfSha256;
};
exports.MonthlyReportEntity = MonthlyReportEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'text' }),
    __metadata("design:type", String)
], MonthlyReportEntity.prototype, "month", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'generated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], MonthlyReportEntity.prototype, "generatedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'generated_by', type: 'text' }),
    __metadata("design:type", String)
], MonthlyReportEntity.prototype, "generatedBy", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], MonthlyReportEntity.prototype, "calendar", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], MonthlyReportEntity.prototype, "report", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'report_sha256', type: 'text' }),
    __metadata("design:type", String)
], MonthlyReportEntity.prototype, "reportSha256", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'pdf_sha256', type: 'text' }),
    __metadata("design:type", String)
], MonthlyReportEntity.prototype, "pdfSha256", void 0);
exports.MonthlyReportEntity = MonthlyReportEntity = __decorate([
    (0, typeorm_1.Entity)('monthly_reports')
], MonthlyReportEntity);
