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
exports.AssistedFilingService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../domain/src/index.js");
const errors_1 = require("../../domain/src/errors.js");
const config_1 = require("../../config/src/index.js");
const auth_1 = require("../../auth/src/index.js");
const persistence_1 = require("../../persistence/src/index.js");
const applicant_applications_service_1 = require("./applicant-applications.service");
const audit_log_1 = require("./audit-log");
const linked_records_1 = require("./linked-records");
const notifications_1 = require("./notifications");
const FILING_ROLES = ['window_clerk', 'helper'];
let AssistedFilingService = class AssistedFilingService {
    dataSource;
    applications;
    accounts;
    config;
    constructor(dataSource, applications, accounts, config) {
        this.dataSource = dataSource;
        this.applications = applications;
        this.accounts = accounts;
        this.config = config;
    }
    async uploadAuthorization(staff, input) {
        this.assertMayFile(staff);
        const stored = await this.applications.storeUpload(input, ['application/pdf', 'image/jpeg', 'image/png']);
        const row = await this.dataSource.getRepository(persistence_1.MaterialEntity).save(this.dataSource.getRepository(persistence_1.MaterialEntity).create({
            applicationId: null,
            materialCode: 'authorization',
            fileName: stored.fileName,
            mimeType: stored.mimeType,
            sizeBytes: String(stored.sizeBytes),
            sha256: stored.sha256,
            uploadedBy: staff.id,
        }));
        return { materialId: row.id, sha256: stored.sha256 };
    }
    async file(staff, input, locale) {
        this.assertMayFile(staff);
        const service = (0, domain_1.getService)(input.serviceCode);
        if (!service)
            throw new errors_1.ValidationFailedError({ serviceCode: 'rules.unknown_service' });
        const checked = (0, domain_1.validateFormDraft)(service.code, input.form ?? {}, locale);
        if (!checked.ok)
            throw new errors_1.ValidationFailedError((0, applicant_applications_service_1.prefixFields)('form', checked.fields));
        const idNumber = (0, domain_1.normalizeResidentId)(input.applicant.idNumber);
        return this.dataSource.transaction(async (em) => {
            const { account, applicant, created } = await this.findOrCreateApplicant(em, { ...input.applicant, idNumber });
            const claimed = await (0, persistence_1.queryReturning)(em, `UPDATE materials SET material_code = 'authorization' WHERE id = $1 AND application_id IS NULL AND uploaded_by = $2 RETURNING id`, [input.authorization.materialId, staff.id]);
            if (claimed.length === 0)
                throw new errors_1.ValidationFailedError({ 'authorization.materialId': 'fields.invalid' });
            const form = (0, linked_records_1.withPrefill)(checked.form, await (0, linked_records_1.findLinkedRecords)(em, service.code, checked.form));
            const draft = await this.applications.insertDraft(em, {
                serviceCode: service.code,
                form,
                applicant,
                ownerAccountId: account.id,
                actor: staff,
                filedBy: staff.id,
                authorizationNumber: input.authorization.number,
            });
            await em.query('UPDATE materials SET application_id = $2 WHERE id = $1', [input.authorization.materialId, draft.id]);
            await this.joinKeyProject(em, draft.id);
            await (0, audit_log_1.appendAuditEvent)(em, {
                applicationId: draft.id,
                actor: staff,
                action: 'assisted_filing',
                toState: 'draft',
                data: { onBehalfOf: applicant.id, authorizationNumber: input.authorization.number, applicantAccountCreated: created },
            });
            if (created) {
                const token = await this.accounts.issuePasswordToken(em, account.id);
                const link = `${this.config.PORTAL_PUBLIC_URL.replace(/\/+$/, '')}/set-password?token=${token}`;
                await (0, notifications_1.recordNotification)(em, {
                    accountId: account.id,
                    applicationId: draft.id,
                    channel: 'sms',
                    recipient: account.phone,
                    template: 'set-password',
                    body: `【平鲁区行政审批局】${applicant.name}您好，工作人员已受您委托代办${service.name}（办件编号${draft.number}）。凭办件编号和本手机号可随时查询进度；设置登录密码请访问 ${link}（72小时内有效）。`,
                });
            }
            return { ...draft, applicantAccountCreated: created };
        });
    }
    async upload(staff, id, input) {
        await this.findWorkable(staff, id);
        return this.applications.uploadMaterial(staff, id, input);
    }
    async submit(staff, id, locale) {
        await this.findWorkable(staff, id);
        return this.applications.submitOnce(staff, id, locale);
    }
    async list(staff) {
        const rows = await this.dataSource.query(`SELECT a.id, a.number, a.service_code, a.state, a.entity_name, a.applicant_name FROM applications a
        WHERE a.filed_by_account_id = $1
           OR a.project_code IN (SELECT project_code FROM key_projects WHERE $1 = ANY(helper_ids))
        ORDER BY a.created_at DESC LIMIT 500`, [staff.id]);
        return rows.map((r) => ({ id: r.id, number: r.number, serviceCode: r.service_code, state: r.state, entityName: r.entity_name, applicantName: r.applicant_name }));
    }
    assertMayFile(staff) {
        if (!staff.roles.some((role) => FILING_ROLES.includes(role)))
            throw new errors_1.ForbiddenError();
    }
    async findWorkable(staff, id) {
        this.assertMayFile(staff);
        if (!(0, applicant_applications_service_1.isUuid)(id))
            throw new errors_1.NotFoundError();
        const app = await this.dataSource.getRepository(persistence_1.ApplicationEntity).findOneBy({ id });
        if (!app)
            throw new errors_1.NotFoundError();
        if (app.filedByAccountId === staff.id)
            return app;
        if (app.projectCode) {
            const project = await this.dataSource.getRepository(persistence_1.KeyProjectEntity).findOneBy({ projectCode: app.projectCode });
            if (project?.helperIds.includes(staff.id))
                return app;
        }
        throw new errors_1.TransitionRefusedError('not_your_filing');
    }
    async findOrCreateApplicant(em, person) {
        const byPhone = await em.getRepository(persistence_1.AccountEntity).findOneBy({ phone: person.phone });
        if (byPhone) {
            if (byPhone.kind !== 'applicant' || byPhone.idNumber !== person.idNumber)
                throw new errors_1.ConflictError('errors.applicant_mismatch');
            const applicant = await em.getRepository(persistence_1.ApplicantEntity).findOneByOrFail({ accountId: byPhone.id, kind: 'person' });
            return { account: byPhone, applicant, created: false };
        }
        if (await em.getRepository(persistence_1.AccountEntity).findOneBy({ idNumber: person.idNumber }))
            throw new errors_1.ConflictError('errors.applicant_mismatch');
        const account = await em.getRepository(persistence_1.AccountEntity).save(em.getRepository(persistence_1.AccountEntity).create({ kind: 'applicant', name: person.name, phone: person.phone, idNumber: person.idNumber, passwordHash: null, roles: [], sections: [] }));
        let applicant = await em.getRepository(persistence_1.ApplicantEntity).findOneBy({ idNumber: person.idNumber });
        if (applicant) {
            await em.getRepository(persistence_1.ApplicantEntity).update({ id: applicant.id }, { accountId: account.id, phone: person.phone });
        }
        else {
            applicant = await em.getRepository(persistence_1.ApplicantEntity).save(em.getRepository(persistence_1.ApplicantEntity).create({ kind: 'person', name: person.name, idNumber: person.idNumber, phone: person.phone, accountId: account.id }));
        }
        return { account, applicant, created: true };
    }
    async joinKeyProject(em, applicationId) {
        await em.query(`UPDATE applications a SET green_channel = true, green_channel_reason = k.reason
         FROM key_projects k WHERE a.id = $1 AND a.project_code = k.project_code`, [applicationId]);
    }
};
exports.AssistedFilingService = AssistedFilingService;
exports.AssistedFilingService = AssistedFilingService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        applicant_applications_service_1.ApplicantApplicationsService,
        auth_1.AccountsService,
        config_1.AppConfig])
], AssistedFilingService);
