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
exports.PublicPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const throttler_1 = require("@nestjs/throttler");
const domain_1 = require("../../../../libs/domain/src/index.js");
const errors_1 = require("../../../../libs/domain/src/errors.js");
const applications_1 = require("../../../../libs/applications/src/index.js");
const auth_1 = require("../../../../libs/auth/src/index.js");
const views_1 = require("../../../../libs/web/src/views.js");
const view_models_1 = require("./view-models");
const NUMBER = /^\d{20}$/;
const MOBILE = /^1[3-9]\d{9}$/;
let PublicPagesController = class PublicPagesController {
    calendars;
    tracking;
    constructor(calendars, tracking) {
        this.calendars = calendars;
        this.tracking = tracking;
    }
    async home(request, reply) {
        const locale = request.locale;
        const t = (0, view_models_1.translator)(locale);
        const events = view_models_1.LIFE_EVENTS.map((event) => ({
            key: event.key,
            services: event.services
                .map((code) => (0, domain_1.getService)(code))
                .filter((s) => s !== undefined)
                .map((s) => ({ code: s.code, name: (0, view_models_1.serviceName)(s, locale), promised: (0, view_models_1.limitText)(s.promisedLimit, t) })),
        }));
        const listed = new Set(view_models_1.LIFE_EVENTS.flatMap((e) => e.services));
        const others = domain_1.SERVICES.filter((s) => !listed.has(s.code)).map((s) => ({ code: s.code, name: (0, view_models_1.serviceName)(s, locale), promised: (0, view_models_1.limitText)(s.promisedLimit, t) }));
        await (0, views_1.renderPage)(request, reply, 'portal/home.njk', { events, others, serviceCount: domain_1.SERVICES.length });
    }
    async guide(code, request, reply) {
        const service = (0, domain_1.getService)(code);
        if (!service)
            throw new errors_1.NotFoundError();
        const locale = request.locale;
        const t = (0, view_models_1.translator)(locale);
        const today = (0, domain_1.shanghaiLocalDate)(new Date());
        const estimate = (0, domain_1.estimateDueDates)(today, { promisedLimit: service.promisedLimit, legalLimit: service.legalLimit }, this.calendars.current);
        await (0, views_1.renderPage)(request, reply, 'portal/guide.njk', {
            service: {
                code: service.code,
                name: (0, view_models_1.serviceName)(service, locale),
                section: locale === 'en' ? service.sectionNameEn : service.sectionName,
                who: locale === 'en' ? service.guide.whoEn : service.guide.who,
                fee: locale === 'en' ? service.guide.feeEn : service.guide.fee,
                promised: (0, view_models_1.limitText)(service.promisedLimit, t),
                legal: (0, view_models_1.limitText)(service.legalLimit, t),
                extension: service.extensionDays > 0 ? (0, view_models_1.limitText)({ days: service.extensionDays, unit: service.legalLimit.unit }, t) : null,
                license: locale === 'en' ? service.license.titleEn : service.license.title,
                validity: service.license.validityYears ? t('guide.validity_years', { years: service.license.validityYears }) : (locale === 'en' ? service.license.validityNoteEn : service.license.validityNote) ?? t('guide.validity_none'),
                intro: t(`guide.intro.${service.code}`),
                materials: service.materials.map((m) => (0, view_models_1.materialView)(m, locale, t)),
                flow: (0, view_models_1.flowSteps)(service, locale, t),
            },
            today,
            estimate,
        });
    }
    async verifyExplained(request, reply) {
        await (0, views_1.renderPage)(request, reply, 'portal/verify-explained.njk');
    }
    async track(number, phone, request, reply) {
        const t = (0, view_models_1.translator)(request.locale);
        const values = { number: typeof number === 'string' ? number.trim() : '', phone: typeof phone === 'string' ? phone.trim() : '' };
        if (number === undefined && phone === undefined) {
            await (0, views_1.renderPage)(request, reply, 'portal/track.njk', { values, errors: {} });
            return;
        }
        const errors = {};
        if (!NUMBER.test(values.number))
            errors.number = t('track.number_invalid');
        if (!MOBILE.test(values.phone))
            errors.phone = t('fields.mobile');
        if (Object.keys(errors).length > 0) {
            await (0, views_1.renderPage)(request, reply, 'portal/track.njk', { values, errors, errorList: (0, view_models_1.errorList)(errors), hasErrors: true }, 400);
            return;
        }
        try {
            const result = await this.tracking.track(values.number, values.phone, request.locale);
            await (0, views_1.renderPage)(request, reply, 'portal/track.njk', { values, errors, result: { ...result, tone: (0, view_models_1.stateTone)(result.state), due: (0, view_models_1.clockView)(result.clock, t) } });
        }
        catch (error) {
            if (!(error instanceof errors_1.NotFoundError))
                throw error;
            await (0, views_1.renderPage)(request, reply, 'portal/track.njk', { values, errors, notFound: true }, 404);
        }
    }
};
exports.PublicPagesController = PublicPagesController;
__decorate([
    (0, common_1.Get)(),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], PublicPagesController.prototype, "home", null);
__decorate([
    (0, common_1.Get)('services/:code'),
    __param(0, (0, common_1.Param)('code')),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object]),
    __metadata("design:returntype", Promise)
], PublicPagesController.prototype, "guide", null);
__decorate([
    (0, common_1.Get)('verify'),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], PublicPagesController.prototype, "verifyExplained", null);
__decorate([
    (0, common_1.Get)('track'),
    (0, common_1.UseGuards)(throttler_1.ThrottlerGuard),
    __param(0, (0, common_1.Query)('number')),
    __param(1, (0, common_1.Query)('phone')),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], PublicPagesController.prototype, "track", null);
exports.PublicPagesController = PublicPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, auth_1.Public)(),
    (0, common_1.UseFilters)(new views_1.PageExceptionFilter('/login')),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [applications_1.CalendarService,
        applications_1.TrackingService])
], PublicPagesController);
