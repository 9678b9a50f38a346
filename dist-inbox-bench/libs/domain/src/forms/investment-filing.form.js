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
exports.InvestmentFilingForm = exports.InvestmentFundingSources = exports.InvestmentBreakdown = exports.InvestmentFilingIndustry = exports.PROJECT_NATURES = void 0;
const industry_code_1 = require("../identifiers/industry-code");
const common_1 = require("./common");
const decorators_1 = require("./decorators");
const amount_1 = require("./amount");
exports.PROJECT_NATURES = ['new', 'expansion', 'renovation'];
const PART = { maxDecimals: amount_1.AMOUNT_MAX_DECIMALS, allowZero: true };
class InvestmentFilingIndustry {
    code;
    name;
}
exports.InvestmentFilingIndustry = InvestmentFilingIndustry;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(industry_code_1.INDUSTRY_CODE_MAX_LENGTH),
    (0, decorators_1.IsIndustryCode)(),
    __metadata("design:type", String)
], InvestmentFilingIndustry.prototype, "code", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.SHORT_TEXT_MAX_LENGTH),
    __metadata("design:type", String)
], InvestmentFilingIndustry.prototype, "name", void 0);
class InvestmentBreakdown {
    construction;
    equipment;
    installation;
    other;
}
exports.InvestmentBreakdown = InvestmentBreakdown;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsDecimalAmount)(PART),
    __metadata("design:type", String)
], InvestmentBreakdown.prototype, "construction", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsDecimalAmount)(PART),
    __metadata("design:type", String)
], InvestmentBreakdown.prototype, "equipment", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsDecimalAmount)(PART),
    __metadata("design:type", String)
], InvestmentBreakdown.prototype, "installation", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsDecimalAmount)(PART),
    __metadata("design:type", String)
], InvestmentBreakdown.prototype, "other", void 0);
class InvestmentFundingSources {
    ownFunds;
    bankLoans;
    governmentFunds;
    other;
}
exports.InvestmentFundingSources = InvestmentFundingSources;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsDecimalAmount)(PART),
    __metadata("design:type", String)
], InvestmentFundingSources.prototype, "ownFunds", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsDecimalAmount)(PART),
    __metadata("design:type", String)
], InvestmentFundingSources.prototype, "bankLoans", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsDecimalAmount)(PART),
    __metadata("design:type", String)
], InvestmentFundingSources.prototype, "governmentFunds", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsDecimalAmount)(PART),
    __metadata("design:type", String)
], InvestmentFundingSources.prototype, "other", void 0);
class InvestmentFilingForm {
    projectName;
    nature;
    location;
    industry;
    landArea;
    newLandArea;
    floorArea;
    scaleAndContent;
    startDate;
    completionDate;
    totalInvestment;
    investmentBreakdown;
    fundingSources;
    companyName;
    companyCreditCode;
    responsiblePerson;
    policyComplianceStatement;
    static crossFieldProblems(form, stage) {
        if (stage !== 'complete')
            return [];
        const problems = (0, common_1.laterDateProblems)(form.startDate, form.completionDate, 'completionDate', 'completion_before_start');
        if ((0, common_1.compareDecimal)(form.newLandArea, form.landArea) === 1)
            problems.push({ path: 'newLandArea', code: 'new_land_exceeds_total' });
        const breakdown = form.investmentBreakdown;
        if ((0, common_1.isRecord)(breakdown)) {
            const parts = [breakdown.construction, breakdown.equipment, breakdown.installation, breakdown.other];
            problems.push(...(0, common_1.sumProblems)(parts, form.totalInvestment, 'investmentBreakdown', 'investment_breakdown_mismatch'));
        }
        const sources = form.fundingSources;
        if ((0, common_1.isRecord)(sources)) {
            const parts = [sources.ownFunds, sources.bankLoans, sources.governmentFunds, sources.other];
            problems.push(...(0, common_1.sumProblems)(parts, form.totalInvestment, 'fundingSources', 'funding_sources_mismatch'));
        }
        return problems;
    }
}
exports.InvestmentFilingForm = InvestmentFilingForm;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.PROJECT_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], InvestmentFilingForm.prototype, "projectName", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(16),
    (0, decorators_1.IsOneOf)(exports.PROJECT_NATURES),
    __metadata("design:type", String)
], InvestmentFilingForm.prototype, "nature", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.ADDRESS_MAX_LENGTH),
    __metadata("design:type", String)
], InvestmentFilingForm.prototype, "location", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsNestedForm)(() => InvestmentFilingIndustry),
    __metadata("design:type", InvestmentFilingIndustry)
], InvestmentFilingForm.prototype, "industry", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsArea)(common_1.MU),
    __metadata("design:type", String)
], InvestmentFilingForm.prototype, "landArea", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsArea)({ ...common_1.MU, allowZero: true }),
    __metadata("design:type", String)
], InvestmentFilingForm.prototype, "newLandArea", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsArea)({ ...common_1.SQUARE_METERS, allowZero: true }),
    __metadata("design:type", String)
], InvestmentFilingForm.prototype, "floorArea", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.LONG_TEXT_MAX_LENGTH),
    __metadata("design:type", String)
], InvestmentFilingForm.prototype, "scaleAndContent", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(10),
    (0, decorators_1.IsIsoDate)(),
    __metadata("design:type", String)
], InvestmentFilingForm.prototype, "startDate", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(10),
    (0, decorators_1.IsIsoDate)(),
    __metadata("design:type", String)
], InvestmentFilingForm.prototype, "completionDate", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsDecimalAmount)({ maxDecimals: amount_1.AMOUNT_MAX_DECIMALS }),
    __metadata("design:type", String)
], InvestmentFilingForm.prototype, "totalInvestment", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsNestedForm)(() => InvestmentBreakdown),
    __metadata("design:type", InvestmentBreakdown)
], InvestmentFilingForm.prototype, "investmentBreakdown", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsNestedForm)(() => InvestmentFundingSources),
    __metadata("design:type", InvestmentFundingSources)
], InvestmentFilingForm.prototype, "fundingSources", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.ORGANIZATION_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], InvestmentFilingForm.prototype, "companyName", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(18),
    (0, decorators_1.IsUscc)(),
    __metadata("design:type", String)
], InvestmentFilingForm.prototype, "companyCreditCode", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsNestedForm)(() => common_1.IdentifiedPerson),
    __metadata("design:type", common_1.IdentifiedPerson)
], InvestmentFilingForm.prototype, "responsiblePerson", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsAffirmed)('policy_compliance_required'),
    __metadata("design:type", Boolean)
], InvestmentFilingForm.prototype, "policyComplianceStatement", void 0);
