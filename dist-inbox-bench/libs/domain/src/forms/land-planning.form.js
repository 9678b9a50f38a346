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
exports.LandPlanningForm = exports.LAND_ACQUISITION_METHODS = void 0;
const numbering_1 = require("../numbering");
const common_1 = require("./common");
const decorators_1 = require("./decorators");
exports.LAND_ACQUISITION_METHODS = ['sale', 'allocation'];
class LandPlanningForm {
    landUser;
    projectName;
    projectCode;
    approvingAuthority;
    approvalDocumentNumber;
    location;
    area;
    landUse;
    constructionScale;
    acquisitionMethod;
}
exports.LandPlanningForm = LandPlanningForm;
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.ORGANIZATION_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], LandPlanningForm.prototype, "landUser", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.PROJECT_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], LandPlanningForm.prototype, "projectName", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(numbering_1.PROJECT_CODE_LENGTH),
    (0, decorators_1.IsProjectCode)(),
    __metadata("design:type", String)
], LandPlanningForm.prototype, "projectCode", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.ORGANIZATION_NAME_MAX_LENGTH),
    __metadata("design:type", String)
], LandPlanningForm.prototype, "approvingAuthority", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.SHORT_TEXT_MAX_LENGTH),
    __metadata("design:type", String)
], LandPlanningForm.prototype, "approvalDocumentNumber", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.ADDRESS_MAX_LENGTH),
    __metadata("design:type", String)
], LandPlanningForm.prototype, "location", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(common_1.AMOUNT_MAX_LENGTH),
    (0, decorators_1.IsArea)(common_1.SQUARE_METERS),
    __metadata("design:type", String)
], LandPlanningForm.prototype, "area", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.SHORT_TEXT_MAX_LENGTH),
    __metadata("design:type", String)
], LandPlanningForm.prototype, "landUse", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.IsText)(common_1.LONG_TEXT_MAX_LENGTH),
    __metadata("design:type", String)
], LandPlanningForm.prototype, "constructionScale", void 0);
__decorate([
    (0, decorators_1.RequiredAtSubmit)(),
    (0, decorators_1.HasMaxLength)(16),
    (0, decorators_1.IsOneOf)(exports.LAND_ACQUISITION_METHODS),
    __metadata("design:type", String)
], LandPlanningForm.prototype, "acquisitionMethod", void 0);
