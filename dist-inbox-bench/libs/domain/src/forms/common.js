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
exports.DatePeriod = exports.IdentifiedPerson = exports.MU = exports.SQUARE_METERS = exports.AMOUNT_MAX_LENGTH = exports.LONG_TEXT_MAX_LENGTH = exports.SHORT_TEXT_MAX_LENGTH = exports.ADDRESS_MAX_LENGTH = exports.PROJECT_NAME_MAX_LENGTH = exports.ORGANIZATION_NAME_MAX_LENGTH = exports.PERSON_NAME_MAX_LENGTH = void 0;
exports.isRecord = isRecord;
exports.isGiven = isGiven;
exports.laterDateProblems = laterDateProblems;
exports.sumProblems = sumProblems;
exports.compareDecimal = compareDecimal;
const calendar_1 = require("../calendar");
const amount_1 = require("./amount");
const decorators_1 = require("./decorators");
exports.PERSON_NAME_MAX_LENGTH = 50;
exports.ORGANIZATION_NAME_MAX_LENGTH = 100;
exports.PROJECT_NAME_MAX_LENGTH = 100;
exports.ADDRESS_MAX_LENGTH = 200;
exports.SHORT_TEXT_MAX_LENGTH = 100;
exports.LONG_TEXT_MAX_LENGTH = 2000;
exports.AMOUNT_MAX_LENGTH = 12 + 1 + amount_1.AMOUNT_MAX_DECIMALS;
exports.SQUARE_METERS = { unit: 'm2', maxDecimals: 2 };
exports.MU = { unit: 'mu', maxDecimals: 4 };
class IdentifiedPerson {
    name;
    idNumber;
    phone;
}
exports.IdentifiedPerson = IdentifiedPerson;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(exports.PERSON_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], IdentifiedPerson.prototype, "name", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(18),
    (0, decorators_1.IsResidentId)(),
    __metadata("design:type", String)
], IdentifiedPerson.prototype, "idNumber", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(11),
    (0, decorators_1.IsMainlandMobile)(),
    __metadata("design:type", String)
], IdentifiedPerson.prototype, "phone", void 0);
class DatePeriod {
    from;
    to;
}
exports.DatePeriod = DatePeriod;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(10),
    (0, decorators_1.IsIsoDate)(),
    __metadata("design:type", String)
], DatePeriod.prototype, "from", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(10),
    (0, decorators_1.IsIsoDate)(),
    __metadata("design:type", String)
], DatePeriod.prototype, "to", void 0);
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isGiven(value) {
    return value !== undefined && value !== null;
}
function laterDateProblems(earlier, later, path, code) {
    if (!(0, calendar_1.isLocalDate)(earlier) || !(0, calendar_1.isLocalDate)(later))
        return [];
    return later > earlier ? [] : [{ path, code }];
}
function sumProblems(parts, total, path, code) {
    const expected = (0, amount_1.amountToTenThousandths)(total);
    if (expected === null)
        return [];
    let sum = 0n;
    for (const part of parts) {
        const value = (0, amount_1.amountToTenThousandths)(part);
        if (value === null)
            return [];
        sum += value;
    }
    return sum === expected ? [] : [{ path, code, params: [(0, amount_1.formatTenThousandths)(sum), (0, amount_1.formatTenThousandths)(expected)] }];
}
function compareDecimal(value, limit) {
    const a = (0, amount_1.amountToTenThousandths)(value);
    const b = (0, amount_1.amountToTenThousandths)(limit);
    if (a === null || b === null)
        return null;
    return a < b ? -1 : a > b ? 1 : 0;
}
