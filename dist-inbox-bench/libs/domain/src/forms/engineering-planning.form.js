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
exports.EngineeringPlanningForm = void 0;
const real_estate_unit_1 = require("../identifiers/real-estate-unit");
const numbering_1 = require("../numbering");
const common_1 = require("./common");
const decorators_1 = require("./decorators");
class EngineeringPlanningForm {
    builder;
    projectName;
    projectCode;
    location;
    constructionScale;
    realEstateUnitNumber;
}
exports.EngineeringPlanningForm = EngineeringPlanningForm;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.ORGANIZATION_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], EngineeringPlanningForm.prototype, "builder", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.PROJECT_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], EngineeringPlanningForm.prototype, "projectName", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(numbering_1.PROJECT_CODE_LENGTH),
    (0, decorators_1.IsProjectCode)(),
    __metadata("design:type", String)
], EngineeringPlanningForm.prototype, "projectCode", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.ADDRESS_MAX_LENGTH),
    __metadata("design:type", String)
], EngineeringPlanningForm.prototype, "location", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.LONG_TEXT_MAX_LENGTH),
    __metadata("design:type", String)
], EngineeringPlanningForm.prototype, "constructionScale", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(real_estate_unit_1.REAL_ESTATE_UNIT_NUMBER_LENGTH),
    (0, decorators_1.IsRealEstateUnitNumber)(),
    __metadata("design:type", String)
], EngineeringPlanningForm.prototype, "realEstateUnitNumber", void 0);
