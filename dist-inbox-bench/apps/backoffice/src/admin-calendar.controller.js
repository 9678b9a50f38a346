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
exports.AdminCalendarController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const errors_1 = require("../../../libs/domain/src/errors.js");
const applications_1 = require("../../../libs/applications/src/index.js");
const auth_1 = require("../../../libs/auth/src/index.js");
class CalendarDayDto {
    kind;
    name;
}
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['holiday', 'workday'], description: "'holiday': a day off; 'workday': a weekend day worked (调休上班)" }),
    (0, class_validator_1.IsIn)(['holiday', 'workday'], { message: 'fields.invalid' }),
    __metadata("design:type", String)
], CalendarDayDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '春节' }),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MinLength)(1, { message: 'fields.required' }),
    (0, class_validator_1.MaxLength)(50, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], CalendarDayDto.prototype, "name", void 0);
const staffOf = (account) => ({ kind: 'staff', id: account.id, name: account.name, roles: account.roles, sections: account.sections });
let AdminCalendarController = class AdminCalendarController {
    calendars;
    constructor(calendars) {
        this.calendars = calendars;
    }
    year(year) {
        if (!/^\d{4}$/.test(year ?? ''))
            throw new errors_1.ValidationFailedError({ year: 'fields.invalid' });
        return this.calendars.year(Number(year));
    }
    setDay(account, date, body) {
        return this.calendars.setDay(staffOf(account), date, body);
    }
    async deleteDay(account, date) {
        await this.calendars.deleteDay(staffOf(account), date);
    }
};
exports.AdminCalendarController = AdminCalendarController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiQuery)({ name: 'year', example: 2027 }),
    __param(0, (0, common_1.Query)('year')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], AdminCalendarController.prototype, "year", null);
__decorate([
    (0, common_1.Put)(':date'),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('date')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, CalendarDayDto]),
    __metadata("design:returntype", void 0)
], AdminCalendarController.prototype, "setDay", null);
__decorate([
    (0, common_1.Delete)(':date'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('date')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], AdminCalendarController.prototype, "deleteDay", null);
exports.AdminCalendarController = AdminCalendarController = __decorate([
    (0, swagger_1.ApiTags)('admin'),
    (0, auth_1.Roles)('administrator'),
    (0, common_1.Controller)('api/admin/calendar'),
    __metadata("design:paramtypes", [applications_1.CalendarService])
], AdminCalendarController);
