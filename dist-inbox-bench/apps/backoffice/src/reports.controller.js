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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReportsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const applications_1 = require("../../../libs/applications/src/index.js");
const auth_1 = require("../../../libs/auth/src/index.js");
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
class MonthlyReportQuery {
    month;
    format;
    lang;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-10', description: 'YYYY-MM' }),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.Matches)(MONTH, { message: 'fields.invalid' }),
    __metadata("design:type", String)
], MonthlyReportQuery.prototype, "month", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: ['json', 'csv', 'pdf'], default: 'json' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['json', 'csv', 'pdf'], { message: 'fields.invalid' }),
    __metadata("design:type", String)
], MonthlyReportQuery.prototype, "format", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['en', 'zh-CN']),
    __metadata("design:type", String)
], MonthlyReportQuery.prototype, "lang", void 0);
class MonthQuery {
    month;
    lang;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-10' }),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.Matches)(MONTH, { message: 'fields.invalid' }),
    __metadata("design:type", String)
], MonthQuery.prototype, "month", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['en', 'zh-CN']),
    __metadata("design:type", String)
], MonthQuery.prototype, "lang", void 0);
class RunDto {
    month;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-10', description: 'a month that is over' }),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.Matches)(MONTH, { message: 'fields.invalid' }),
    __metadata("design:type", String)
], RunDto.prototype, "month", void 0);
function download(reply, contentType, body, fileName) {
    void reply
        .header('content-type', contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'private, no-store')
        .send(body);
}
let ReportsController = class ReportsController {
    reports;
    constructor(reports) {
        this.reports = reports;
    }
    async monthly(account, query, reply) {
        if (query.format === 'csv') {
            const csv = await this.reports.csv(query.month, account.name);
            return download(reply, 'text/csv; charset=utf-8', csv.body, csv.fileName);
        }
        if (query.format === 'pdf') {
            const pdf = await this.reports.pdf(query.month, account.name);
            return download(reply, 'application/pdf', pdf.body, pdf.fileName);
        }
        void reply.header('cache-control', 'private, no-store').send(await this.reports.monthly(query.month, account.name));
    }
    async chart(account, chart, query, reply) {
        const svg = await this.reports.chart(query.month, chart, account.name);
        void reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'private, no-store').send(svg);
    }
    run(account, body) {
        return this.reports.requestRun(body.month, account.name);
    }
    runStatus(month) {
        return this.reports.runStatus(month);
    }
    verify(query) {
        return this.reports.verify(query.month);
    }
};
exports.ReportsController = ReportsController;
__decorate([
    (0, common_1.Get)(),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Query)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, MonthlyReportQuery, Object]),
    __metadata("design:returntype", Promise)
], ReportsController.prototype, "monthly", null);
__decorate([
    (0, common_1.Get)('charts/:chart.svg'),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('chart')),
    __param(2, (0, common_1.Query)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, MonthQuery, Object]),
    __metadata("design:returntype", Promise)
], ReportsController.prototype, "chart", null);
__decorate([
    (0, common_1.Post)('runs'),
    (0, common_1.HttpCode)(202),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, RunDto]),
    __metadata("design:returntype", void 0)
], ReportsController.prototype, "run", null);
__decorate([
    (0, common_1.Get)('runs/:month'),
    __param(0, (0, common_1.Param)('month')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], ReportsController.prototype, "runStatus", null);
__decorate([
    (0, common_1.Get)('verify'),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [MonthQuery]),
    __metadata("design:returntype", void 0)
], ReportsController.prototype, "verify", null);
exports.ReportsController = ReportsController = __decorate([
    (0, swagger_1.ApiTags)('reports'),
    (0, auth_1.Roles)('leadership', 'administrator'),
    (0, common_1.Controller)('api/reports/monthly'),
    __metadata("design:paramtypes", [applications_1.ReportsService])
], ReportsController);
