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
exports.ConstructionForm = exports.ConstructionParticipant = exports.CONSTRUCTION_PERMIT_THRESHOLDS = exports.CONSTRUCTION_PROJECT_TYPE_CODES = exports.CONSTRUCTION_PROJECT_TYPES = void 0;
const numbering_1 = require("../numbering");
const common_1 = require("./common");
const amount_1 = require("./amount");
const decorators_1 = require("./decorators");
exports.CONSTRUCTION_PROJECT_TYPES = ['buildings', 'municipal'];
exports.CONSTRUCTION_PROJECT_TYPE_CODES = { buildings: '01', municipal: '02' };
exports.CONSTRUCTION_PERMIT_THRESHOLDS = { contractPrice: '30', floorArea: '300' };
class ConstructionParticipant {
    name;
    creditCode;
    projectLead;
}
exports.ConstructionParticipant = ConstructionParticipant;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.ORGANIZATION_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], ConstructionParticipant.prototype, "name", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(18),
    (0, decorators_1.IsUscc)(),
    __metadata("design:type", String)
], ConstructionParticipant.prototype, "creditCode", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.PERSON_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], ConstructionParticipant.prototype, "projectLead", void 0);
class ConstructionForm {
    builder;
    projectName;
    projectCode;
    address;
    scale;
    floorArea;
    contractPrice;
    contractPeriod;
    projectType;
    surveyCompany;
    designCompany;
    constructionCompany;
    supervisionCompany;
    chiefSupervisingEngineer;
    static crossFieldProblems(form, stage) {
        if (stage !== 'complete')
            return [];
        const problems = [];
        const period = form.contractPeriod;
        if ((0, common_1.isRecord)(period))
            problems.push(...(0, common_1.laterDateProblems)(period.from, period.to, 'contractPeriod.to', 'contract_period_end_before_start'));
        for (const field of ['contractPrice', 'floorArea']) {
            const comparison = (0, common_1.compareDecimal)(form[field], exports.CONSTRUCTION_PERMIT_THRESHOLDS[field]);
            if (comparison !== null && comparison <= 0)
                problems.push({ path: field, code: 'construction_permit_not_needed' });
        }
        return problems;
    }
}
exports.ConstructionForm = ConstructionForm;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.ORGANIZATION_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], ConstructionForm.prototype, "builder", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.PROJECT_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], ConstructionForm.prototype, "projectName", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(numbering_1.PROJECT_CODE_LENGTH),
    (0, decorators_1.IsProjectCode)(),
    __metadata("design:type", String)
], ConstructionForm.prototype, "projectCode", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.ADDRESS_MAX_LENGTH),
    __metadata("design:type", String)
], ConstructionForm.prototype, "address", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.LONG_TEXT_MAX_LENGTH),
    __metadata("design:type", String)
], ConstructionForm.prototype, "scale", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsArea)(common_1.SQUARE_METERS),
    __metadata("design:type", String)
], ConstructionForm.prototype, "floorArea", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsDecimalAmount)({ maxDecimals: amount_1.AMOUNT_MAX_DECIMALS }),
    __metadata("design:type", String)
], ConstructionForm.prototype, "contractPrice", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsNestedForm)(() => common_1.DatePeriod),
    __metadata("design:type", common_1.DatePeriod)
], ConstructionForm.prototype, "contractPeriod", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(16),
    (0, decorators_1.IsOneOf)(exports.CONSTRUCTION_PROJECT_TYPES),
    __metadata("design:type", String)
], ConstructionForm.prototype, "projectType", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsNestedForm)(() => ConstructionParticipant),
    __metadata("design:type", ConstructionParticipant)
], ConstructionForm.prototype, "surveyCompany", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsNestedForm)(() => ConstructionParticipant),
    __metadata("design:type", ConstructionParticipant)
], ConstructionForm.prototype, "designCompany", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsNestedForm)(() => ConstructionParticipant),
    __metadata("design:type", ConstructionParticipant)
], ConstructionForm.prototype, "constructionCompany", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsNestedForm)(() => ConstructionParticipant),
    __metadata("design:type", ConstructionParticipant)
], ConstructionForm.prototype, "supervisionCompany", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.PERSON_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], ConstructionForm.prototype, "chiefSupervisingEngineer", void 0);
