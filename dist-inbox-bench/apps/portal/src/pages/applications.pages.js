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
exports.ApplicationsPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const domain_1 = require("../../../../libs/domain/src/index.js");
const errors_1 = require("../../../../libs/domain/src/errors.js");
const applications_1 = require("../../../../libs/applications/src/index.js");
const web_1 = require("../../../../libs/web/src/index.js");
const views_1 = require("../../../../libs/web/src/views.js");
const form_fields_1 = require("./form-fields");
const form_steps_1 = require("./form-steps");
const view_models_1 = require("./view-models");
const QUIET_ACTIONS = new Set(['edit_form', 'upload_material']);
const WITHDRAWABLE = ['draft', 'submitted', 'correction_required', 'awaiting_acceptance'];
let ApplicationsPagesController = class ApplicationsPagesController {
    applications;
    ratings;
    constructor(applications, ratings) {
        this.applications = applications;
        this.ratings = ratings;
    }
    async list(request, reply) {
        const locale = request.locale;
        const t = (0, view_models_1.translator)(locale);
        const rows = await this.applications.list((0, view_models_1.applicantOf)(request));
        const items = rows.map((row) => {
            const service = (0, domain_1.getService)(row.serviceCode);
            return {
                ...row,
                serviceName: service ? (0, view_models_1.serviceName)(service, locale) : row.serviceCode,
                stateLabel: t(`state.${row.state}`),
                tone: (0, view_models_1.stateTone)(row.state),
                needsAction: row.state === 'draft' || row.state === 'correction_required',
            };
        });
        await (0, views_1.renderPage)(request, reply, 'portal/applications.njk', { items });
    }
    async detail(id, query, request, reply) {
        const account = (0, view_models_1.applicantOf)(request);
        const view = await this.applications.view(account, id);
        await this.renderDetail(request, reply, view, await this.ratings.ofApplication(account, id), { saved: query.saved === '1', rated: query.rated === '1', withdrawn: query.withdrawn === '1' });
    }
    async withdraw(id, request, reply) {
        await this.applications.withdraw((0, view_models_1.applicantOf)(request), id);
        return (0, views_1.redirectTo)(reply, `/applications/${id}?withdrawn=1`);
    }
    async rate(id, body, request, reply) {
        const account = (0, view_models_1.applicantOf)(request);
        const level = typeof body.level === 'string' && /^[1-5]$/.test(body.level) ? Number(body.level) : undefined;
        try {
            await this.ratings.rate(account, id, { level, comment: typeof body.comment === 'string' ? body.comment : undefined });
        }
        catch (error) {
            if (!(error instanceof errors_1.DomainError) || !(error.code === 'validation_failed' || error instanceof errors_1.ConflictError))
                throw error;
            const api = (0, web_1.toApiError)(error, request.locale);
            const errors = api.fields ? { [Object.keys(api.fields)[0] === 'comment' ? 'comment' : 'level']: Object.values(api.fields)[0] } : { level: api.message };
            const view = await this.applications.view(account, id);
            return this.renderDetail(request, reply, view, await this.ratings.ofApplication(account, id), {}, { errors, comment: typeof body.comment === 'string' ? body.comment : '' }, api.statusCode);
        }
        return (0, views_1.redirectTo)(reply, `/applications/${id}?rated=1#rating`);
    }
    async renderDetail(request, reply, view, rating, flags, ratingForm = { errors: {}, comment: '' }, status = 200) {
        const locale = request.locale;
        const t = (0, view_models_1.translator)(locale);
        const service = (0, domain_1.getService)(view.serviceCode);
        const materialName = (code) => {
            const m = service.materials.find((x) => x.code === code);
            return m ? (locale === 'en' ? m.nameEn : m.name) : code;
        };
        const open = view.corrections.filter((c) => !c.resolvedAt).at(-1);
        const correction = open && view.state === 'correction_required'
            ? {
                requestedAt: open.requestedAt,
                byStaff: open.requestedBy === 'staff',
                items: open.items.map((item) => {
                    if (item.materialCode)
                        return { what: materialName(item.materialCode), reason: item.reason, href: `/applications/${view.id}/materials#m-${item.materialCode}` };
                    const field = (item.field ?? '').replace(/^form\./, '');
                    const step = field ? (0, form_steps_1.stepOfPath)(view.serviceCode, field) : undefined;
                    const stepKey = step?.key ?? (0, form_steps_1.stepsOf)(view.serviceCode)[0].key;
                    return { what: step ? (0, form_steps_1.stepTitle)(view.serviceCode, step, t) : '', reason: item.reason, href: `/applications/${view.id}/steps/${stepKey}?return=check${field ? `#${(0, form_fields_1.fieldId)(field)}` : ''}` };
                }),
            }
            : undefined;
        const ratable = applications_1.RATABLE_STATES.includes(view.state);
        await (0, views_1.renderPage)(request, reply, 'portal/application.njk', {
            app: {
                id: view.id,
                number: view.number,
                state: view.state,
                stateLabel: t(`state.${view.state}`),
                tone: (0, view_models_1.stateTone)(view.state),
                serviceName: (0, view_models_1.serviceName)(service, locale),
                serviceCode: view.serviceCode,
                createdAt: view.createdAt,
                editable: domain_1.EDITABLE_STATES.includes(view.state),
                withdrawable: WITHDRAWABLE.includes(view.state),
                firstStep: (0, form_steps_1.stepsOf)(view.serviceCode)[0].key,
                greenChannel: view.greenChannel,
                filedBy: view.filedBy,
            },
            clock: (0, view_models_1.clockView)(view.clock, t),
            timeline: view.timeline
                .filter((e) => !QUIET_ACTIONS.has(e.action))
                .map((e) => ({ ...e, label: t(`action.${e.action}`) === `action.${e.action}` ? e.action : t(`action.${e.action}`), stateLabel: e.state ? t(`state.${e.state}`) : '' }))
                .reverse(),
            correction,
            notices: view.notices.map((n) => ({ ...n, kindLabel: t(`notice.${n.kind}`) })),
            license: view.license,
            sealOrder: view.sealOrder ? { ...view.sealOrder, statusLabel: t(`seal.status_${view.sealOrder.status}`) } : undefined,
            rating,
            ratingLevels: applications_1.RATING_LEVELS.map((level) => ({ level, label: t(`rating.level_${level}`) })),
            ratable: ratable && !rating,
            ratingForm: { ...ratingForm, errorList: (0, view_models_1.errorList)(ratingForm.errors, (f) => (f === 'comment' ? '#rating-comment' : '#rating-level')) },
            hasErrors: Object.keys(ratingForm.errors).length > 0,
            flags,
        }, status);
    }
};
exports.ApplicationsPagesController = ApplicationsPagesController;
__decorate([
    (0, common_1.Get)(),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], ApplicationsPagesController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    __param(0, (0, common_1.Param)('id')),
    __param(1, (0, common_1.Query)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], ApplicationsPagesController.prototype, "detail", null);
__decorate([
    (0, common_1.Post)(':id/withdraw'),
    __param(0, (0, common_1.Param)('id')),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object]),
    __metadata("design:returntype", Promise)
], ApplicationsPagesController.prototype, "withdraw", null);
__decorate([
    (0, common_1.Post)(':id/rating'),
    __param(0, (0, common_1.Param)('id')),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], ApplicationsPagesController.prototype, "rate", null);
exports.ApplicationsPagesController = ApplicationsPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.UseFilters)(new views_1.PageExceptionFilter('/login')),
    (0, common_1.Controller)('applications'),
    __metadata("design:paramtypes", [applications_1.ApplicantApplicationsService,
        applications_1.RatingService])
], ApplicationsPagesController);
