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
exports.FoodBusinessForm = exports.FOOD_BUSINESS_FORMAT_DIGITS = exports.FOOD_BUSINESS_FORMATS = void 0;
const class_validator_1 = require("class-validator");
const class_validator_jsonschema_1 = require("class-validator-jsonschema");
const common_1 = require("./common");
const decorators_1 = require("./decorators");
exports.FOOD_BUSINESS_FORMATS = ['food_sales', 'catering', 'canteen'];
exports.FOOD_BUSINESS_FORMAT_DIGITS = { food_sales: 1, catering: 2, canteen: 3 };
const BUSINESS_ITEMS_MAX = 50;
let FoodBusinessForm = class FoodBusinessForm {
    operatorName;
    creditCode;
    idNumber;
    legalRepresentative;
    domicile;
    premises;
    businessForm;
    businessItems;
    warehouseAddress;
    agent;
    static crossFieldProblems(form, stage) {
        const problems = [];
        const hasCreditCode = (0, common_1.isGiven)(form.creditCode);
        const hasIdNumber = (0, common_1.isGiven)(form.idNumber);
        if (hasCreditCode && hasIdNumber)
            problems.push({ path: 'creditCode', code: 'operator_identity_both' });
        else if (!hasCreditCode && !hasIdNumber && stage === 'complete')
            problems.push({ path: 'creditCode', code: 'operator_identity_missing' });
        return problems;
    }
};
exports.FoodBusinessForm = FoodBusinessForm;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.ORGANIZATION_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], FoodBusinessForm.prototype, "operatorName", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, decorators_1.HasMaxLength)(18),
    (0, decorators_1.IsUscc)(),
    __metadata("design:type", String)
], FoodBusinessForm.prototype, "creditCode", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, decorators_1.HasMaxLength)(18),
    (0, decorators_1.IsResidentId)(),
    __metadata("design:type", String)
], FoodBusinessForm.prototype, "idNumber", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.PERSON_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], FoodBusinessForm.prototype, "legalRepresentative", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.ADDRESS_MAX_LENGTH),
    __metadata("design:type", String)
], FoodBusinessForm.prototype, "domicile", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.ADDRESS_MAX_LENGTH),
    __metadata("design:type", String)
], FoodBusinessForm.prototype, "premises", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(16),
    (0, decorators_1.IsOneOf)(exports.FOOD_BUSINESS_FORMATS),
    __metadata("design:type", String)
], FoodBusinessForm.prototype, "businessForm", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsTextList)({ maxItems: BUSINESS_ITEMS_MAX, maxItemLength: common_1.SHORT_TEXT_MAX_LENGTH, minItemsWhenComplete: 1 }),
    __metadata("design:type", Array)
], FoodBusinessForm.prototype, "businessItems", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, decorators_1.IsText)(common_1.ADDRESS_MAX_LENGTH),
    __metadata("design:type", String)
], FoodBusinessForm.prototype, "warehouseAddress", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, decorators_1.IsNestedForm)(() => common_1.IdentifiedPerson),
    __metadata("design:type", common_1.IdentifiedPerson)
], FoodBusinessForm.prototype, "agent", void 0);
exports.FoodBusinessForm = FoodBusinessForm = __decorate([
    (0, class_validator_jsonschema_1.JSONSchema)({ oneOf: [{ required: ['creditCode'] }, { required: ['idNumber'] }] })
], FoodBusinessForm);
