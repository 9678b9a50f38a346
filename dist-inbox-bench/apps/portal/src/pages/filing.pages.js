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
exports.FilingPagesController = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../../../libs/domain/src/index.js");
const errors_1 = require("../../../../libs/domain/src/errors.js");
const applications_1 = require("../../../../libs/applications/src/index.js");
const web_1 = require("../../../../libs/web/src/index.js");
const views_1 = require("../../../../libs/web/src/views.js");
const form_fields_1 = require("./form-fields");
const form_steps_1 = require("./form-steps");
const view_models_1 = require("./view-models");
const isEditable = (state) => domain_1.EDITABLE_STATES.includes(state);
function pathsOf(nodes, into = new Set()) {
    for (const n of nodes) {
        into.add(n.path);
        pathsOf([...(n.children ?? []), ...(n.items ?? [])], into);
    }
    return into;
}
const formRelative = (fields = {}) => Object.fromEntries(Object.entries(fields).map(([path, why]) => [path.replace(/^form\./, ''), why]));
let FilingPagesController = class FilingPagesController {
    applications;
    dataSource;
    constructor(applications, dataSource) {
        this.applications = applications;
        this.dataSource = dataSource;
    }
    async start(code, request, reply) {
        const service = (0, domain_1.getService)(code);
        if (!service)
            throw new errors_1.NotFoundError();
        const account = (0, view_models_1.applicantOf)(request);
        const locale = request.locale;
        const t = (0, view_models_1.translator)(locale);
        const drafts = (await this.applications.list(account)).filter((a) => a.serviceCode === code && a.state === 'draft');
        await (0, views_1.renderPage)(request, reply, 'portal/apply-start.njk', {
            service: { code: service.code, name: (0, view_models_1.serviceName)(service, locale) },
            steps: (0, form_steps_1.stepsOf)(service.code).map((step) => (0, form_steps_1.stepTitle)(service.code, step, t, (0, form_fields_1.buildFields)({ schema: (0, form_steps_1.schemaOf)(service.code), serviceCode: service.code, t }, step.fields, {}, {})[0]?.label)),
            materials: service.materials.map((m) => (0, view_models_1.materialView)(m, locale, t)),
            drafts,
        });
    }
    async create(code, request, reply) {
        const service = (0, domain_1.getService)(code);
        if (!service)
            throw new errors_1.NotFoundError();
        const draft = await this.applications.createDraft((0, view_models_1.applicantOf)(request), { serviceCode: service.code, form: {} }, request.locale);
        return (0, views_1.redirectTo)(reply, `/applications/${draft.id}/steps/${(0, form_steps_1.stepsOf)(service.code)[0].key}`);
    }
    async stepPage(id, stepKey, query, request, reply) {
        const view = await this.applications.view((0, view_models_1.applicantOf)(request), id);
        if (!isEditable(view.state))
            return (0, views_1.redirectTo)(reply, `/applications/${id}`);
        const extra = typeof query.add === 'string' ? { [query.add]: 1 } : {};
        await this.renderStep(request, reply, view, stepKey, view.form, {}, extra, query.return === 'check');
    }
    async saveStep(id, stepKey, query, body, request, reply) {
        const account = (0, view_models_1.applicantOf)(request);
        const view = await this.applications.view(account, id);
        if (!isEditable(view.state))
            return (0, views_1.redirectTo)(reply, `/applications/${id}`);
        const steps = (0, form_steps_1.stepsOf)(view.serviceCode);
        const index = steps.findIndex((s) => s.key === stepKey);
        if (index < 0)
            throw new errors_1.NotFoundError();
        const step = steps[index];
        const action = typeof body.action === 'string' ? body.action : 'continue';
        const remove = action.startsWith('remove:') ? action.slice('remove:'.length) : undefined;
        const answers = (0, form_fields_1.parseFields)({ schema: (0, form_steps_1.schemaOf)(view.serviceCode) }, step.fields, body, remove);
        const form = { ...view.form };
        for (const field of step.fields)
            delete form[field];
        Object.assign(form, answers);
        const toCheck = query.return === 'check' || body.return === 'check';
        try {
            await this.applications.updateForm(account, id, { form }, request.locale);
        }
        catch (error) {
            if (!(error instanceof errors_1.ValidationFailedError))
                throw error;
            return this.renderStep(request, reply, view, stepKey, form, formRelative(error.fields), {}, toCheck, 400);
        }
        const back = toCheck ? '?return=check' : '';
        if (action.startsWith('add:')) {
            const path = action.slice('add:'.length);
            return (0, views_1.redirectTo)(reply, `/applications/${id}/steps/${step.key}?add=${encodeURIComponent(path)}${toCheck ? '&return=check' : ''}#${(0, form_fields_1.fieldId)(path)}`);
        }
        if (remove)
            return (0, views_1.redirectTo)(reply, `/applications/${id}/steps/${step.key}${back}`);
        if (action === 'save')
            return (0, views_1.redirectTo)(reply, `/applications/${id}?saved=1`);
        if (toCheck)
            return (0, views_1.redirectTo)(reply, `/applications/${id}/check`);
        const next = steps[index + 1];
        return (0, views_1.redirectTo)(reply, next ? `/applications/${id}/steps/${next.key}` : `/applications/${id}/materials`);
    }
    async materialsPage(id, uploaded, request, reply) {
        const view = await this.applications.view((0, view_models_1.applicantOf)(request), id);
        if (!isEditable(view.state))
            return (0, views_1.redirectTo)(reply, `/applications/${id}`);
        await this.renderMaterials(request, reply, view, {}, typeof uploaded === 'string' ? uploaded : undefined);
    }
    async upload(id, queryCode, request, reply) {
        const account = (0, view_models_1.applicantOf)(request);
        let materialCode = typeof queryCode === 'string' ? queryCode : '';
        try {
            const file = request.isMultipart() ? await request.file() : undefined;
            const field = file?.fields.materialCode;
            if (typeof field?.value === 'string')
                materialCode = field.value;
            if (!file || !file.filename) {
                if (file)
                    for await (const chunk of file.file)
                        void chunk;
                throw new errors_1.ValidationFailedError({ file: 'page.file_required' });
            }
            await this.applications.uploadMaterial(account, id, { materialCode, fileName: file.filename, stream: file.file });
        }
        catch (error) {
            if (!(error instanceof errors_1.DomainError) || !['validation_failed', 'too_large', 'unsupported_type'].includes(error.code))
                throw error;
            const body = (0, web_1.toApiError)(error, request.locale);
            const message = body.fields ? Object.values(body.fields)[0] : body.message;
            const view = await this.applications.view(account, id);
            return this.renderMaterials(request, reply, view, { [materialCode]: message }, undefined, body.statusCode);
        }
        return (0, views_1.redirectTo)(reply, `/applications/${id}/materials?uploaded=${encodeURIComponent(materialCode)}#m-${materialCode}`);
    }
    async checkPage(id, request, reply) {
        const view = await this.applications.view((0, view_models_1.applicantOf)(request), id);
        if (view.state !== 'draft' && view.state !== 'correction_required')
            return (0, views_1.redirectTo)(reply, `/applications/${id}`);
        await this.renderCheck(request, reply, view, []);
    }
    async submit(id, body, request, reply) {
        const account = (0, view_models_1.applicantOf)(request);
        const key = typeof body.idempotencyKey === 'string' && /^[0-9a-f-]{36}$/.test(body.idempotencyKey) ? body.idempotencyKey : undefined;
        try {
            await this.applications.submit(account, id, request.locale, key);
        }
        catch (error) {
            if (!(error instanceof errors_1.SubmissionIncompleteError))
                throw error;
            const view = await this.applications.view(account, id);
            const gaps = Object.entries(error.fields ?? {}).map(([path, text]) => {
                if (path.startsWith('materials.'))
                    return { href: `/applications/${id}/materials#m-${path.slice('materials.'.length)}`, text };
                const step = (0, form_steps_1.stepOfPath)(view.serviceCode, path);
                const field = path.replace(/^form\./, '');
                return { href: step ? `/applications/${id}/steps/${step.key}?return=check#${(0, form_fields_1.fieldId)(field)}` : `#`, text: `${this.labelOf(view, field, request)}：${text}` };
            });
            return this.renderCheck(request, reply, view, gaps, 422);
        }
        return (0, views_1.redirectTo)(reply, `/applications/${id}/submitted`);
    }
    async submitted(id, request, reply) {
        const view = await this.applications.view((0, view_models_1.applicantOf)(request), id);
        const service = (0, domain_1.getService)(view.serviceCode);
        await (0, views_1.renderPage)(request, reply, 'portal/submitted.njk', {
            app: { id: view.id, number: view.number, state: view.state, serviceName: (0, view_models_1.serviceName)(service, request.locale) },
            receipt: view.notices.find((n) => n.kind === 'receipt' && n.pdfUrl),
        });
    }
    async renderStep(request, reply, view, stepKey, values, errors, extraItems, toCheck, status = 200) {
        const steps = (0, form_steps_1.stepsOf)(view.serviceCode);
        const index = steps.findIndex((s) => s.key === stepKey);
        if (index < 0)
            throw new errors_1.NotFoundError();
        const step = steps[index];
        const locale = request.locale;
        const t = (0, view_models_1.translator)(locale);
        const service = (0, domain_1.getService)(view.serviceCode);
        const fields = (0, form_fields_1.buildFields)({ schema: (0, form_steps_1.schemaOf)(view.serviceCode), serviceCode: view.serviceCode, t }, step.fields, values, errors, extraItems);
        const onPage = pathsOf(fields);
        const total = steps.length + 2;
        await (0, views_1.renderPage)(request, reply, 'portal/step.njk', {
            app: { id: view.id, number: view.number, serviceName: (0, view_models_1.serviceName)(service, locale), correcting: view.state === 'correction_required' },
            step: { key: step.key, title: (0, form_steps_1.stepTitle)(view.serviceCode, step, t, fields[0]?.label), number: index + 1, total, progress: Math.round(((index + 1) / total) * 10) },
            fields,
            errorList: (0, view_models_1.errorList)(errors, (path) => (onPage.has(path) ? `#${(0, form_fields_1.fieldId)(path)}` : '#')),
            hasErrors: Object.keys(errors).length > 0,
            backHref: toCheck ? `/applications/${view.id}/check` : index > 0 ? `/applications/${view.id}/steps/${steps[index - 1].key}` : `/services/${view.serviceCode}`,
            action: `/applications/${view.id}/steps/${step.key}${toCheck ? '?return=check' : ''}`,
            toCheck,
        }, status);
    }
    async renderMaterials(request, reply, view, errors, uploaded, status = 200) {
        const locale = request.locale;
        const t = (0, view_models_1.translator)(locale);
        const service = (0, domain_1.getService)(view.serviceCode);
        const waived = new Set((await (0, applications_1.findLinkedRecords)(this.dataSource.manager, view.serviceCode, view.form)).waivedMaterials);
        const files = new Map(view.materials.map((m) => [m.code, m.uploaded]));
        const materials = service.materials.map((m) => ({
            ...(0, view_models_1.materialView)(m, locale, t, view.form),
            uploaded: files.get(m.code) ?? [],
            waived: waived.has(m.code),
            error: errors[m.code],
        }));
        const needed = materials.filter((m) => m.required && !m.waived);
        const steps = (0, form_steps_1.stepsOf)(view.serviceCode);
        const total = steps.length + 2;
        const uploadedMaterial = materials.find((m) => m.code === uploaded);
        await (0, views_1.renderPage)(request, reply, 'portal/materials.njk', {
            app: { id: view.id, number: view.number, serviceName: (0, view_models_1.serviceName)(service, locale), correcting: view.state === 'correction_required' },
            step: { number: steps.length + 1, total, progress: Math.round(((steps.length + 1) / total) * 10) },
            materials,
            done: needed.filter((m) => m.uploaded.length > 0).length,
            needed: needed.length,
            uploadedName: uploadedMaterial?.name,
            errorList: (0, view_models_1.errorList)(errors, (code) => `#file-${code}`),
            hasErrors: Object.keys(errors).length > 0,
            backHref: `/applications/${view.id}/steps/${steps[steps.length - 1].key}`,
        }, status);
    }
    async renderCheck(request, reply, view, gaps, status = 200) {
        const locale = request.locale;
        const t = (0, view_models_1.translator)(locale);
        const service = (0, domain_1.getService)(view.serviceCode);
        const schema = (0, form_steps_1.schemaOf)(view.serviceCode);
        const sections = (0, form_steps_1.stepsOf)(view.serviceCode).map((step) => {
            const fields = (0, form_fields_1.buildFields)({ schema, serviceCode: view.serviceCode, t }, step.fields, view.form, {});
            return { key: step.key, title: (0, form_steps_1.stepTitle)(view.serviceCode, step, t, fields[0]?.label), href: `/applications/${view.id}/steps/${step.key}?return=check`, rows: (0, form_fields_1.answerRows)(fields, t) };
        });
        const materials = service.materials.map((m) => ({ ...(0, view_models_1.materialView)(m, locale, t, view.form), uploaded: view.materials.find((u) => u.code === m.code)?.uploaded ?? [] }));
        await (0, views_1.renderPage)(request, reply, 'portal/check.njk', {
            app: { id: view.id, number: view.number, serviceName: (0, view_models_1.serviceName)(service, locale), correcting: view.state === 'correction_required' },
            sections,
            materials,
            errorList: gaps,
            hasErrors: gaps.length > 0,
            idempotencyKey: (0, node_crypto_1.randomUUID)(),
        }, status);
    }
    labelOf(view, field, request) {
        const t = (0, view_models_1.translator)(request.locale);
        const step = (0, form_steps_1.stepOfPath)(view.serviceCode, field);
        if (!step)
            return field;
        const fields = (0, form_fields_1.buildFields)({ schema: (0, form_steps_1.schemaOf)(view.serviceCode), serviceCode: view.serviceCode, t }, step.fields, view.form, {});
        const rows = (0, form_fields_1.answerRows)(fields, t);
        return rows.find((r) => r.path === field)?.label ?? fields.find((f) => f.path === field.split('.')[0])?.label ?? field;
    }
};
exports.FilingPagesController = FilingPagesController;
__decorate([
    (0, common_1.Get)('apply/:code'),
    __param(0, (0, common_1.Param)('code')),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object]),
    __metadata("design:returntype", Promise)
], FilingPagesController.prototype, "start", null);
__decorate([
    (0, common_1.Post)('apply/:code'),
    __param(0, (0, common_1.Param)('code')),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object]),
    __metadata("design:returntype", Promise)
], FilingPagesController.prototype, "create", null);
__decorate([
    (0, common_1.Get)('applications/:id/steps/:step'),
    __param(0, (0, common_1.Param)('id')),
    __param(1, (0, common_1.Param)('step')),
    __param(2, (0, common_1.Query)()),
    __param(3, (0, common_1.Req)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], FilingPagesController.prototype, "stepPage", null);
__decorate([
    (0, common_1.Post)('applications/:id/steps/:step'),
    __param(0, (0, common_1.Param)('id')),
    __param(1, (0, common_1.Param)('step')),
    __param(2, (0, common_1.Query)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Req)()),
    __param(5, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], FilingPagesController.prototype, "saveStep", null);
__decorate([
    (0, common_1.Get)('applications/:id/materials'),
    __param(0, (0, common_1.Param)('id')),
    __param(1, (0, common_1.Query)('uploaded')),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], FilingPagesController.prototype, "materialsPage", null);
__decorate([
    (0, common_1.Post)('applications/:id/materials'),
    __param(0, (0, common_1.Param)('id')),
    __param(1, (0, common_1.Query)('materialCode')),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], FilingPagesController.prototype, "upload", null);
__decorate([
    (0, common_1.Get)('applications/:id/check'),
    __param(0, (0, common_1.Param)('id')),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object]),
    __metadata("design:returntype", Promise)
], FilingPagesController.prototype, "checkPage", null);
__decorate([
    (0, common_1.Post)('applications/:id/submit'),
    __param(0, (0, common_1.Param)('id')),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], FilingPagesController.prototype, "submit", null);
__decorate([
    (0, common_1.Get)('applications/:id/submitted'),
    __param(0, (0, common_1.Param)('id')),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object]),
    __metadata("design:returntype", Promise)
], FilingPagesController.prototype, "submitted", null);
exports.FilingPagesController = FilingPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.UseFilters)(new views_1.PageExceptionFilter('/login')),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [applications_1.ApplicantApplicationsService,
        typeorm_1.DataSource])
], FilingPagesController);
