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
exports.ServicesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const domain_1 = require("../../../libs/domain/src/index.js");
const errors_1 = require("../../../libs/domain/src/errors.js");
const auth_1 = require("../../../libs/auth/src/index.js");
const applications_1 = require("../../../libs/applications/src/index.js");
function summary(service) {
    return {
        code: service.code,
        name: service.name,
        nameEn: service.nameEn,
        promisedLimit: service.promisedLimit,
        legalLimit: service.legalLimit,
        materials: service.materials,
    };
}
let ServicesController = class ServicesController {
    calendars;
    constructor(calendars) {
        this.calendars = calendars;
    }
    list() {
        return domain_1.SERVICES.map(summary);
    }
    one(code) {
        const service = (0, domain_1.getService)(code);
        if (!service)
            throw new errors_1.NotFoundError();
        return {
            ...summary(service),
            section: service.section,
            sectionName: service.sectionName,
            hasReviewStep: service.hasReviewStep,
            license: service.license,
            guide: service.guide,
            formSchema: (0, domain_1.formJsonSchema)(service.code),
        };
    }
    estimate(code, acceptedOn, greenChannel) {
        const service = (0, domain_1.getService)(code);
        if (!service)
            throw new errors_1.NotFoundError();
        if (!(0, domain_1.isLocalDate)(acceptedOn))
            throw new errors_1.ValidationFailedError({ acceptedOn: 'fields.invalid' });
        if (greenChannel !== undefined && greenChannel !== 'true' && greenChannel !== 'false')
            throw new errors_1.ValidationFailedError({ greenChannel: 'fields.invalid' });
        const limits = { promisedLimit: greenChannel === 'true' ? service.greenChannelPromisedLimit : service.promisedLimit, legalLimit: service.legalLimit };
        return (0, domain_1.estimateDueDates)(acceptedOn, limits, this.calendars.current);
    }
};
exports.ServicesController = ServicesController;
__decorate([
    (0, common_1.Get)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], ServicesController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':code'),
    __param(0, (0, common_1.Param)('code')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], ServicesController.prototype, "one", null);
__decorate([
    (0, common_1.Get)(':code/estimate'),
    __param(0, (0, common_1.Param)('code')),
    __param(1, (0, common_1.Query)('acceptedOn')),
    __param(2, (0, common_1.Query)('greenChannel')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, String]),
    __metadata("design:returntype", void 0)
], ServicesController.prototype, "estimate", null);
exports.ServicesController = ServicesController = __decorate([
    (0, swagger_1.ApiTags)('services'),
    (0, auth_1.Public)(),
    (0, common_1.Controller)('api/services'),
    __metadata("design:paramtypes", [applications_1.CalendarService])
], ServicesController);
