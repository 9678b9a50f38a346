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
exports.SocialGroupForm = exports.SOCIAL_GROUP_MINIMUMS = void 0;
const class_validator_1 = require("class-validator");
const amount_1 = require("./amount");
const common_1 = require("./common");
const decorators_1 = require("./decorators");
exports.SOCIAL_GROUP_MINIMUMS = { individualMembers: 50, unitMembers: 30, registeredFunds: '3' };
const MEMBERS_MAX = 1_000_000;
class SocialGroupForm {
    name;
    domicile;
    businessScope;
    areaOfActivity;
    legalRepresentative;
    registeredFunds;
    sponsoringUnit;
    individualMembers;
    unitMembers;
    static crossFieldProblems(form, stage) {
        if (stage !== 'complete')
            return [];
        const problems = [];
        const { individualMembers, unitMembers } = form;
        if (Number.isInteger(individualMembers) && Number.isInteger(unitMembers)) {
            if (individualMembers < exports.SOCIAL_GROUP_MINIMUMS.individualMembers && unitMembers < exports.SOCIAL_GROUP_MINIMUMS.unitMembers) {
                problems.push({ path: 'individualMembers', code: 'social_group_members_too_few' });
            }
        }
        if ((0, common_1.compareDecimal)(form.registeredFunds, exports.SOCIAL_GROUP_MINIMUMS.registeredFunds) === -1) {
            problems.push({ path: 'registeredFunds', code: 'social_group_funds_too_low', params: [exports.SOCIAL_GROUP_MINIMUMS.registeredFunds] });
        }
        return problems;
    }
}
exports.SocialGroupForm = SocialGroupForm;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(decorators_1.ENTITY_NAME_MAX_LENGTH),
    (0, decorators_1.IsEntityName)(),
    __metadata("design:type", String)
], SocialGroupForm.prototype, "name", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.ADDRESS_MAX_LENGTH),
    __metadata("design:type", String)
], SocialGroupForm.prototype, "domicile", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.LONG_TEXT_MAX_LENGTH),
    __metadata("design:type", String)
], SocialGroupForm.prototype, "businessScope", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.ORGANIZATION_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], SocialGroupForm.prototype, "areaOfActivity", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsNestedForm)(() => common_1.IdentifiedPerson),
    __metadata("design:type", common_1.IdentifiedPerson)
], SocialGroupForm.prototype, "legalRepresentative", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsDecimalAmount)({ maxDecimals: amount_1.AMOUNT_MAX_DECIMALS }),
    __metadata("design:type", String)
], SocialGroupForm.prototype, "registeredFunds", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, decorators_1.IsText)(common_1.ORGANIZATION_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], SocialGroupForm.prototype, "sponsoringUnit", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsCount)(MEMBERS_MAX),
    __metadata("design:type", Number)
], SocialGroupForm.prototype, "individualMembers", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsCount)(MEMBERS_MAX),
    __metadata("design:type", Number)
], SocialGroupForm.prototype, "unitMembers", void 0);
