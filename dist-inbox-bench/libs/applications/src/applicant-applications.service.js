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
var ApplicantApplicationsService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApplicantApplicationsService = void 0;
exports.loadApplicationView = loadApplicationView;
exports.prefixFields = prefixFields;
exports.isUuid = isUuid;
const node_crypto_1 = require("node:crypto");
const node_stream_1 = require("node:stream");
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../domain/src/index.js");
const errors_1 = require("../../domain/src/errors.js");
const config_1 = require("../../config/src/index.js");
const persistence_1 = require("../../persistence/src/index.js");
const acting_account_1 = require("./acting-account");
const completeness_1 = require("./completeness");
const linked_records_1 = require("./linked-records");
const notice_service_1 = require("./notice.service");
const audit_log_1 = require("./audit-log");
const application_clock_1 = require("./application-clock");
const application_view_1 = require("./application-view");
const content_type_1 = require("./content-type");
const number_allocator_1 = require("./number-allocator");
const transition_service_1 = require("./transition.service");
const upload_limits_1 = require("./upload-limits");
const IDEMPOTENCY_WAIT_MS = 15_000;
let ApplicantApplicationsService = ApplicantApplicationsService_1 = class ApplicantApplicationsService {
    dataSource;
    transitions;
    config;
    storage;
    notices;
    logger = new common_1.Logger(ApplicantApplicationsService_1.name);
    constructor(dataSource, transitions, config, storage, notices) {
        this.dataSource = dataSource;
        this.transitions = transitions;
        this.config = config;
        this.storage = storage;
        this.notices = notices;
    }
    async createDraft(account, body, locale) {
        const service = typeof body.serviceCode === 'string' ? (0, domain_1.getService)(body.serviceCode) : undefined;
        if (!service)
            throw new errors_1.ValidationFailedError({ serviceCode: 'rules.unknown_service' });
        const checked = (0, domain_1.validateFormDraft)(service.code, body.form ?? {}, locale);
        if (!checked.ok)
            throw new errors_1.ValidationFailedError(prefixFields('form', checked.fields));
        return this.dataSource.transaction(async (em) => {
            const applicant = await em.getRepository(persistence_1.ApplicantEntity).findOneBy({ accountId: account.id, kind: 'person' });
            if (!applicant)
                throw new errors_1.NotFoundError();
            const form = (0, linked_records_1.withPrefill)(checked.form, await (0, linked_records_1.findLinkedRecords)(em, service.code, checked.form));
            return this.insertDraft(em, { serviceCode: service.code, form, applicant, ownerAccountId: account.id, actor: account });
        });
    }
    async insertDraft(em, input) {
        const today = (0, domain_1.shanghaiLocalDate)(new Date());
        const sequence = await (0, number_allocator_1.nextNumber)(em, (0, domain_1.applicationNumberScope)(today));
        const number = (0, domain_1.formatApplicationNumber)(this.config.DIVISION_CODE, today, sequence);
        const entityName = entityNameOf(input.serviceCode, input.form);
        const app = await em.getRepository(persistence_1.ApplicationEntity).save(em.getRepository(persistence_1.ApplicationEntity).create({
            number,
            serviceCode: input.serviceCode,
            state: 'draft',
            applicantId: input.applicant.id,
            ownerAccountId: input.ownerAccountId,
            filedByAccountId: input.filedBy ?? null,
            form: input.form,
            entityName,
            entityNameKey: entityName ? (0, domain_1.normalizeEntityNameForDuplicateCheck)(entityName) : null,
            contactPhone: input.applicant.phone,
            applicantName: input.applicant.name,
            projectCode: typeof input.form.projectCode === 'string' ? input.form.projectCode : null,
            ...(input.filedBy ? { authorizationNumber: input.authorizationNumber ?? null } : {}),
        }));
        await this.transitions.countNew(em, input.serviceCode, 'draft');
        await (0, audit_log_1.appendAuditEvent)(em, { applicationId: app.id, actor: input.actor, action: 'create', toState: 'draft', data: { number } });
        return { id: app.id, number, state: app.state };
    }
    async updateForm(account, id, body, locale) {
        await this.dataSource.transaction(async (em) => {
            const app = await this.findOwned(em, account, id, { lock: true });
            if (!domain_1.EDITABLE_STATES.includes(app.state))
                throw new errors_1.TransitionRefusedError('not_editable', { state: app.state });
            const checked = (0, domain_1.validateFormDraft)(app.serviceCode, body.form ?? {}, locale);
            if (!checked.ok)
                throw new errors_1.ValidationFailedError(prefixFields('form', checked.fields));
            const form = (0, linked_records_1.withPrefill)(checked.form, await (0, linked_records_1.findLinkedRecords)(em, app.serviceCode, checked.form));
            const entityName = entityNameOf(app.serviceCode, form);
            await em.query('UPDATE applications SET form = $2, entity_name = $3, entity_name_key = $4, project_code = $5, updated_at = now() WHERE id = $1', [
                app.id,
                JSON.stringify(form),
                entityName,
                entityName ? (0, domain_1.normalizeEntityNameForDuplicateCheck)(entityName) : null,
                typeof form.projectCode === 'string' ? form.projectCode : null,
            ]);
            await (0, audit_log_1.appendAuditEvent)(em, { applicationId: app.id, actor: account, action: 'edit_form', fromState: app.state, toState: app.state });
        });
        return this.view(account, id);
    }
    async uploadMaterial(account, id, input) {
        const app = await this.dataSource.transaction((em) => this.findOwned(em, account, id));
        const service = (0, transition_service_1.serviceOf)(app);
        const material = service.materials.find((m) => m.code === input.materialCode);
        if (!material) {
            await drain(input.stream);
            throw new errors_1.ValidationFailedError({ materialCode: 'rules.unknown_material' });
        }
        if (!domain_1.EDITABLE_STATES.includes(app.state)) {
            await drain(input.stream);
            throw new errors_1.TransitionRefusedError('not_editable', { state: app.state });
        }
        await (0, upload_limits_1.assertRoomForAnotherFile)(this.dataSource.manager, app.id).catch(async (error) => {
            await drain(input.stream);
            throw error;
        });
        const [{ used }] = await this.dataSource.query('SELECT COALESCE(sum(size_bytes), 0) AS used FROM materials WHERE application_id = $1', [app.id]);
        const stored = await this.storeUpload(input, material.accept, this.config.UPLOAD_MAX_BYTES_PER_APPLICATION - Number(used));
        return this.dataSource.transaction(async (em) => {
            const locked = await this.findOwned(em, account, id, { lock: true });
            const mimeType = stored.mimeType;
            if (!domain_1.EDITABLE_STATES.includes(locked.state))
                throw new errors_1.TransitionRefusedError('not_editable', { state: locked.state });
            await (0, upload_limits_1.assertRoomForAnotherFile)(em, app.id);
            const row = await em.getRepository(persistence_1.MaterialEntity).save(em.getRepository(persistence_1.MaterialEntity).create({
                applicationId: app.id,
                materialCode: material.code,
                fileName: stored.fileName,
                mimeType,
                sizeBytes: String(stored.sizeBytes),
                sha256: stored.sha256,
                uploadedBy: account.id ?? app.ownerAccountId,
            }));
            await (0, audit_log_1.appendAuditEvent)(em, {
                applicationId: app.id,
                actor: account,
                action: 'upload_material',
                fromState: locked.state,
                toState: locked.state,
                data: { materialCode: material.code, sha256: stored.sha256, sizeBytes: stored.sizeBytes },
            });
            return { id: row.id, sha256: stored.sha256 };
        });
    }
    async storeUpload(input, accept, remainingQuota = Number.POSITIVE_INFINITY) {
        const { head, rest } = await splitHead(input.stream, content_type_1.SNIFF_BYTES);
        const mimeType = (0, content_type_1.sniffMimeType)(head);
        if (!mimeType || !accept.includes(mimeType)) {
            await drain(rest);
            throw new errors_1.UnsupportedTypeError(accept.map((m) => m.replace('application/', '').replace('image/', '').toUpperCase()));
        }
        let stored;
        try {
            stored = await this.storage.put(node_stream_1.Readable.from(prepend(head, rest)), { maxBytes: Math.min(this.config.UPLOAD_MAX_BYTES, remainingQuota) });
        }
        catch (error) {
            if (error instanceof persistence_1.FileTooLargeError) {
                if (remainingQuota < this.config.UPLOAD_MAX_BYTES)
                    throw new errors_1.TooLargeError(this.config.UPLOAD_MAX_BYTES_PER_APPLICATION, 'errors.upload_quota');
                throw new errors_1.TooLargeError(error.maxBytes);
            }
            throw error;
        }
        if (input.stream.truncated)
            throw new errors_1.TooLargeError(this.config.UPLOAD_MAX_BYTES);
        return { ...stored, mimeType, fileName: sanitizeFileName(input.fileName) };
    }
    async submit(account, id, locale, idempotencyKey) {
        if (!idempotencyKey)
            return this.submitOnce(account, id, locale);
        return this.idempotent(account.id, idempotencyKey, `POST /applications/${id}/submit`, () => this.submitOnce(account, id, locale));
    }
    async submitOnce(account, id, locale) {
        return this.dataSource.transaction(async (em) => {
            const app = await this.findOwned(em, account, id);
            const action = app.state === 'correction_required' ? 'resubmit' : 'submit';
            if (app.state === 'draft' || app.state === 'correction_required') {
                const gaps = await (0, completeness_1.findGaps)(em, app, locale);
                if (gaps.length > 0)
                    throw new errors_1.SubmissionIncompleteError(Object.fromEntries(gaps.map((g) => [g.path, g.reason])));
            }
            const updated = await this.transitions.applyIn(em, app.id, { action, actor: account }, app);
            return { state: updated.state };
        });
    }
    async withdraw(account, id) {
        return this.dataSource.transaction(async (em) => {
            const app = await this.findOwned(em, account, id);
            const updated = await this.transitions.applyIn(em, app.id, { action: 'withdraw', actor: account }, app);
            return { state: updated.state };
        });
    }
    async list(account) {
        const rows = await this.dataSource.getRepository(persistence_1.ApplicationEntity).find({
            where: { ownerAccountId: account.id },
            order: { createdAt: 'DESC' },
            take: 200,
        });
        return rows.map((r) => ({ id: r.id, number: r.number, serviceCode: r.serviceCode, state: r.state, entityName: r.entityName, createdAt: r.createdAt.toISOString() }));
    }
    async view(account, id) {
        const app = await this.findOwned(this.dataSource.manager, account, id);
        return loadApplicationView(this.dataSource.manager, app, 'applicant', this.config.PORTAL_PUBLIC_URL);
    }
    async licensePdf(account, id) {
        const app = await this.findOwned(this.dataSource.manager, account, id);
        const license = await this.dataSource.getRepository(persistence_1.LicenseEntity).findOneBy({ applicationId: app.id });
        if (!license?.pdfSha256)
            throw new errors_1.NotFoundError('errors.license_not_issued');
        try {
            return { bytes: await this.storage.read(license.pdfSha256), number: license.number };
        }
        catch (error) {
            if (error instanceof persistence_1.StoredFileCorruptError) {
                await this.dataSource.transaction((em) => (0, audit_log_1.appendAuditEvent)(em, { applicationId: app.id, actor: acting_account_1.SYSTEM, action: 'stored_file_corrupt', fromState: app.state, toState: app.state, data: { sha256: license.pdfSha256 } }));
                this.logger.error(`ALARM: stored licence PDF of ${app.number} (${license.pdfSha256}) does not match its hash`);
            }
            throw error;
        }
    }
    async noticePdf(account, id, noticeId) {
        const app = await this.findOwned(this.dataSource.manager, account, id);
        if (!isUuid(noticeId))
            throw new errors_1.NotFoundError();
        return this.notices.pdf(app.id, noticeId);
    }
    async findOwned(em, account, id, options = {}) {
        if (!isUuid(id))
            throw new errors_1.NotFoundError();
        const qb = em.getRepository(persistence_1.ApplicationEntity).createQueryBuilder('a').where('a.id = :id', { id });
        if (options.lock)
            qb.setLock('pessimistic_write');
        const app = await qb.getOne();
        if (!app)
            throw new errors_1.NotFoundError();
        if (account.kind === 'applicant' && app.ownerAccountId !== account.id)
            throw new errors_1.NotFoundError();
        return app;
    }
    async idempotent(accountId, key, request, work) {
        if (key.length > 200)
            throw new errors_1.ValidationFailedError({ 'Idempotency-Key': 'fields.text_too_long' });
        const requestHash = (0, node_crypto_1.createHash)('sha256').update(request).digest('hex');
        const repo = this.dataSource.getRepository(persistence_1.IdempotencyKeyEntity);
        await this.dataSource.query(`DELETE FROM idempotency_keys WHERE account_id = $1 AND key = $2 AND created_at < now() - interval '24 hours'`, [accountId, key]);
        const claimed = await (0, persistence_1.queryReturning)(this.dataSource, `INSERT INTO idempotency_keys (account_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`, [accountId, key, requestHash]);
        if (claimed.length === 0) {
            const deadline = Date.now() + IDEMPOTENCY_WAIT_MS;
            for (;;) {
                const existing = await repo.findOneBy({ accountId, key });
                if (!existing)
                    return this.idempotent(accountId, key, request, work);
                if (existing.requestHash !== requestHash)
                    throw new errors_1.TransitionRefusedError('idempotency_key_reused');
                if (existing.statusCode !== null) {
                    if (existing.statusCode >= 400)
                        throw new errors_1.ConflictError();
                    return existing.responseBody;
                }
                if (Date.now() > deadline)
                    throw new errors_1.ConflictError();
                await new Promise((resolve) => setTimeout(resolve, 50));
            }
        }
        try {
            const result = await work();
            await repo.update({ accountId, key }, { statusCode: 200, responseBody: result });
            return result;
        }
        catch (error) {
            await repo.delete({ accountId, key });
            throw error;
        }
    }
};
exports.ApplicantApplicationsService = ApplicantApplicationsService;
exports.ApplicantApplicationsService = ApplicantApplicationsService = ApplicantApplicationsService_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(3, (0, common_1.Inject)(persistence_1.FILE_STORAGE)),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        transition_service_1.TransitionService,
        config_1.AppConfig, Object, notice_service_1.NoticeService])
], ApplicantApplicationsService);
async function loadApplicationView(em, app, audience, portalUrl) {
    const [materials, events, corrections, license, pauses, notices, sealOrder] = await Promise.all([
        em.getRepository(persistence_1.MaterialEntity).find({ where: { applicationId: app.id }, order: { uploadedAt: 'ASC' } }),
        em.getRepository(persistence_1.AuditEventEntity).find({ where: { applicationId: app.id }, order: { id: 'ASC' } }),
        em.getRepository(persistence_1.CorrectionEntity).find({ where: { applicationId: app.id }, order: { requestedAt: 'ASC' } }),
        em.getRepository(persistence_1.LicenseEntity).findOneBy({ applicationId: app.id }),
        em.getRepository(persistence_1.ApplicationPauseEntity).find({ where: { applicationId: app.id } }),
        em.getRepository(persistence_1.NoticeEntity).find({ where: { applicationId: app.id }, order: { issuedAt: 'ASC', number: 'ASC' } }),
        em.getRepository(persistence_1.SealCarvingOrderEntity).findOneBy({ applicationId: app.id }),
    ]);
    const service = (0, transition_service_1.serviceOf)(app);
    return (0, application_view_1.toApplicationView)({ app, service, materials, events, corrections, license, notices, sealOrder, clock: (0, application_clock_1.clockOf)(app, pauses, service, new Date()), portalUrl, audience });
}
function entityNameOf(serviceCode, form) {
    try {
        const name = (0, domain_1.getService)(serviceCode)?.holderName(form);
        return typeof name === 'string' && name.length > 0 ? name : null;
    }
    catch {
        return null;
    }
}
function prefixFields(prefix, fields) {
    return Object.fromEntries(Object.entries(fields).map(([path, why]) => [`${prefix}.${path}`, why]));
}
function isUuid(value) {
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
function sanitizeFileName(name) {
    const cleaned = name.replace(/[\\/\u0000-\u001f]/g, '_').trim();
    return (cleaned || 'upload').slice(0, 200);
}
async function splitHead(stream, bytes) {
    const iterator = stream[Symbol.asyncIterator]();
    const chunks = [];
    let length = 0;
    let ended = false;
    while (length < bytes) {
        const next = await iterator.next();
        if (next.done) {
            ended = true;
            break;
        }
        chunks.push(next.value);
        length += next.value.length;
    }
    async function* rest() {
        while (!ended) {
            const next = await iterator.next();
            if (next.done)
                return;
            yield next.value;
        }
    }
    return { head: Buffer.concat(chunks), rest: rest() };
}
async function* prepend(head, rest) {
    if (head.length > 0)
        yield head;
    yield* rest;
}
async function drain(rest) {
    for await (const chunk of rest)
        void chunk;
}
