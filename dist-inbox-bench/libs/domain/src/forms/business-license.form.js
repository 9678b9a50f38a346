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
exports.BusinessLicenseForm = exports.BusinessLicenseTerm = exports.BusinessLicenseShareholder = exports.BusinessLicenseLegalRepresentative = exports.BusinessLicenseScope = exports.ENTITY_TYPES = void 0;
const class_validator_1 = require("class-validator");
const class_validator_jsonschema_1 = require("class-validator-jsonschema");
const calendar_1 = require("../calendar");
const amount_1 = require("./amount");
const common_1 = require("./common");
const decorators_1 = require("./decorators");
exports.ENTITY_TYPES = ['limited_company', 'sole_proprietorship', 'partnership', 'individual_business'];
const PERSON_NAME_MAX_LENGTH = 50;
const SHAREHOLDER_NAME_MAX_LENGTH = 100;
const DOMICILE_MAX_LENGTH = 200;
const SCOPE_ITEM_MAX_LENGTH = 100;
const SCOPE_MAX_ITEMS = 100;
const SHAREHOLDERS_MAX = 200;
const AMOUNT_MAX_LENGTH = 12 + 1 + amount_1.AMOUNT_MAX_DECIMALS;
class BusinessLicenseScope {
    general;
    licensed;
}
exports.BusinessLicenseScope = BusinessLicenseScope;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsTextList)({ maxItems: SCOPE_MAX_ITEMS, maxItemLength: SCOPE_ITEM_MAX_LENGTH }),
    __metadata("design:type", Array)
], BusinessLicenseScope.prototype, "general", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsTextList)({ maxItems: SCOPE_MAX_ITEMS, maxItemLength: SCOPE_ITEM_MAX_LENGTH }),
    __metadata("design:type", Array)
], BusinessLicenseScope.prototype, "licensed", void 0);
class BusinessLicenseLegalRepresentative {
    name;
    idNumber;
    phone;
}
exports.BusinessLicenseLegalRepresentative = BusinessLicenseLegalRepresentative;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(PERSON_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], BusinessLicenseLegalRepresentative.prototype, "name", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(18),
    (0, decorators_1.IsResidentId)(),
    __metadata("design:type", String)
], BusinessLicenseLegalRepresentative.prototype, "idNumber", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(11),
    (0, decorators_1.IsMainlandMobile)(),
    __metadata("design:type", String)
], BusinessLicenseLegalRepresentative.prototype, "phone", void 0);
let BusinessLicenseShareholder = class BusinessLicenseShareholder {
    name;
    idNumber;
    creditCode;
    contribution;
};
exports.BusinessLicenseShareholder = BusinessLicenseShareholder;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(SHAREHOLDER_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], BusinessLicenseShareholder.prototype, "name", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, decorators_1.HasMaxLength)(18),
    (0, decorators_1.IsResidentId)(),
    __metadata("design:type", String)
], BusinessLicenseShareholder.prototype, "idNumber", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, decorators_1.HasMaxLength)(18),
    (0, decorators_1.IsUscc)(),
    __metadata("design:type", String)
], BusinessLicenseShareholder.prototype, "creditCode", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsDecimalAmount)({ maxDecimals: amount_1.AMOUNT_MAX_DECIMALS }),
    __metadata("design:type", String)
], BusinessLicenseShareholder.prototype, "contribution", void 0);
exports.BusinessLicenseShareholder = BusinessLicenseShareholder = __decorate([
    (0, class_validator_jsonschema_1.JSONSchema)({ oneOf: [{ required: ['idNumber'] }, { required: ['creditCode'] }] })
], BusinessLicenseShareholder);
class BusinessLicenseTerm {
    from;
    to;
}
exports.BusinessLicenseTerm = BusinessLicenseTerm;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(10),
    (0, decorators_1.IsIsoDate)(),
    __metadata("design:type", String)
], BusinessLicenseTerm.prototype, "from", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmitAllowingNull)(),
    (0, decorators_1.IsIsoDate)({ nullable: true }),
    __metadata("design:type", Object)
], BusinessLicenseTerm.prototype, "to", void 0);
class BusinessLicenseForm {
    name;
    entityType;
    domicile;
    businessScope;
    registeredCapital;
    legalRepresentative;
    shareholders;
    term;
    static crossFieldProblems(form, stage) {
        const problems = shareholderIdentityProblems(form, stage);
        if (stage === 'complete') {
            problems.push(...scopeProblems(form), ...contributionProblems(form), ...termProblems(form));
        }
        return problems;
    }
}
exports.BusinessLicenseForm = BusinessLicenseForm;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(decorators_1.ENTITY_NAME_MAX_LENGTH),
    (0, decorators_1.IsEntityName)(),
    __metadata("design:type", String)
], BusinessLicenseForm.prototype, "name", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(32),
    (0, decorators_1.IsOneOf)(exports.ENTITY_TYPES),
    __metadata("design:type", String)
], BusinessLicenseForm.prototype, "entityType", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(DOMICILE_MAX_LENGTH),
    __metadata("design:type", String)
], BusinessLicenseForm.prototype, "domicile", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsNestedForm)(() => BusinessLicenseScope),
    __metadata("design:type", BusinessLicenseScope)
], BusinessLicenseForm.prototype, "businessScope", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsDecimalAmount)({ maxDecimals: amount_1.AMOUNT_MAX_DECIMALS }),
    __metadata("design:type", String)
], BusinessLicenseForm.prototype, "registeredCapital", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsNestedForm)(() => BusinessLicenseLegalRepresentative),
    __metadata("design:type", BusinessLicenseLegalRepresentative)
], BusinessLicenseForm.prototype, "legalRepresentative", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsNestedFormList)(() => BusinessLicenseShareholder, { minItemsWhenComplete: 1, maxItems: SHAREHOLDERS_MAX }),
    __metadata("design:type", Array)
], BusinessLicenseForm.prototype, "shareholders", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsNestedForm)(() => BusinessLicenseTerm),
    __metadata("design:type", BusinessLicenseTerm)
], BusinessLicenseForm.prototype, "term", void 0);
function shareholderIdentityProblems(form, stage) {
    if (!Array.isArray(form.shareholders))
        return [];
    const problems = [];
    form.shareholders.forEach((shareholder, index) => {
        if (!(0, common_1.isRecord)(shareholder))
            return;
        const hasIdNumber = (0, common_1.isGiven)(shareholder.idNumber);
        const hasCreditCode = (0, common_1.isGiven)(shareholder.creditCode);
        if (hasIdNumber && hasCreditCode) {
            problems.push({ path: `shareholders.${index}`, code: 'shareholder_identity_both' });
        }
        else if (!hasIdNumber && !hasCreditCode && stage === 'complete') {
            problems.push({ path: `shareholders.${index}.idNumber`, code: 'shareholder_identity_missing' });
        }
    });
    return problems;
}
function scopeProblems(form) {
    const scope = form.businessScope;
    if (!(0, common_1.isRecord)(scope) || !Array.isArray(scope.general) || !Array.isArray(scope.licensed))
        return [];
    return scope.general.length + scope.licensed.length === 0 ? [{ path: 'businessScope', code: 'scope_empty' }] : [];
}
function contributionProblems(form) {
    const capital = (0, amount_1.amountToTenThousandths)(form.registeredCapital);
    if (capital === null || !Array.isArray(form.shareholders) || form.shareholders.length === 0)
        return [];
    let total = 0n;
    for (const shareholder of form.shareholders) {
        const contribution = (0, common_1.isRecord)(shareholder) ? (0, amount_1.amountToTenThousandths)(shareholder.contribution) : null;
        if (contribution === null)
            return [];
        total += contribution;
    }
    if (total === capital)
        return [];
    return [{ path: 'shareholders', code: 'contributions_mismatch', params: [(0, amount_1.formatTenThousandths)(total), (0, amount_1.formatTenThousandths)(capital)] }];
}
function termProblems(form) {
    const term = form.term;
    if (!(0, common_1.isRecord)(term) || !(0, calendar_1.isLocalDate)(term.from) || !(0, calendar_1.isLocalDate)(term.to))
        return [];
    return term.to > term.from ? [] : [{ path: 'term.to', code: 'term_end_before_start' }];
}
