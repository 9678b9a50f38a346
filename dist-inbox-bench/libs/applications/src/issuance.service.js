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
exports.IssuanceService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../domain/src/index.js");
const config_1 = require("../../config/src/index.js");
const documents_1 = require("../../documents/src/index.js");
const persistence_1 = require("../../persistence/src/index.js");
const queues_1 = require("../../queues/src/index.js");
const acting_account_1 = require("./acting-account");
const outbox_1 = require("./outbox");
const certificates_1 = require("./certificates");
const signing_keys_1 = require("./signing-keys");
const transition_service_1 = require("./transition.service");
let IssuanceService = class IssuanceService {
    dataSource;
    transitions;
    keys;
    config;
    storage;
    renderer = new documents_1.LicensePdfRenderer();
    constructor(dataSource, transitions, keys, config, storage) {
        this.dataSource = dataSource;
        this.transitions = transitions;
        this.keys = keys;
        this.config = config;
        this.storage = storage;
    }
    async issue(applicationId) {
        const license = await this.reserve(applicationId);
        if (!license)
            return 'skipped';
        const pdf = await this.render(license);
        const stored = await this.storage.put(pdf);
        return this.dataSource.transaction(async (em) => {
            const app = await em.getRepository(persistence_1.ApplicationEntity).createQueryBuilder('a').where('a.id = :id', { id: applicationId }).setLock('pessimistic_write').getOne();
            if (!app || app.state !== 'issuing')
                return 'skipped';
            await (0, persistence_1.queryReturning)(em, 'UPDATE licenses SET pdf_sha256 = $2, pdf_size_bytes = $3 WHERE id = $1 AND pdf_sha256 IS NULL RETURNING id', [
                license.id,
                stored.sha256,
                stored.sizeBytes,
            ]);
            await this.transitions.applyIn(em, app.id, { action: 'issued', actor: acting_account_1.SYSTEM, data: { number: license.number, pdfSha256: stored.sha256 } }, app);
            if (app.serviceCode === 'business-license')
                await (0, outbox_1.enqueueJob)(em, queues_1.QUEUES.sealCarving, 'open-seal-order', { applicationId: app.id });
            return 'issued';
        });
    }
    async reserve(applicationId) {
        return this.dataSource.transaction(async (em) => {
            const app = await em.getRepository(persistence_1.ApplicationEntity).createQueryBuilder('a').where('a.id = :id', { id: applicationId }).setLock('pessimistic_write').getOne();
            if (!app || app.state !== 'issuing')
                return null;
            const existing = await em.getRepository(persistence_1.LicenseEntity).findOneBy({ applicationId: app.id });
            if (existing)
                return existing;
            const service = (0, transition_service_1.serviceOf)(app);
            const certificate = (0, certificates_1.certificateOf)(app.serviceCode);
            const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
            const context = { divisionCode: this.config.DIVISION_CODE, bureauName: this.config.BUREAU_NAME, issuedOn: (0, domain_1.shanghaiLocalDate)(issuedAt) };
            const number = await certificate.allocateNumber(em, app.form, context);
            const holderName = certificate.holderName(app.form);
            const creditCode = certificate.creditCode(app.form, number);
            const validUntil = certificate.validUntil(context.issuedOn);
            const token = (0, documents_1.signLicensePayload)({
                kid: this.keys.kid,
                number,
                service: service.code,
                holderName,
                ...(creditCode ? { creditCode } : {}),
                particulars: certificate.particulars(app.form, number, context),
                issuedOn: context.issuedOn,
                validUntil,
            }, this.keys.privateKey);
            const row = em.getRepository(persistence_1.LicenseEntity).create({
                applicationId: app.id,
                number,
                serviceCode: service.code,
                holderName,
                creditCode: creditCode ?? null,
                issuedAt,
                validUntil,
                signedPayload: token.d,
                signature: token.sig,
                keyId: this.keys.kid,
                pdfSha256: null,
                pdfSizeBytes: null,
            });
            return em.getRepository(persistence_1.LicenseEntity).save(row);
        });
    }
    async render(license) {
        const app = await this.dataSource.getRepository(persistence_1.ApplicationEntity).findOneByOrFail({ id: license.applicationId });
        const service = (0, transition_service_1.serviceOf)(app);
        const certificate = (0, certificates_1.certificateOf)(app.serviceCode);
        const context = { divisionCode: this.config.DIVISION_CODE, bureauName: this.config.BUREAU_NAME, issuedOn: (0, domain_1.shanghaiLocalDate)(license.issuedAt) };
        return this.renderer.render({
            layout: service.license.layout,
            title: service.license.title,
            number: { label: certificate.numberLabel, value: license.number },
            fields: certificate.fields(app.form, license.number, context),
            issuingAuthority: this.config.BUREAU_NAME,
            issuedOn: context.issuedOn,
            verifyUrl: (0, documents_1.verificationUrl)(this.config.PORTAL_PUBLIC_URL, license.number, { d: license.signedPayload, sig: license.signature }),
            bureauName: this.config.BUREAU_NAME,
            creationDate: license.issuedAt,
        });
    }
};
exports.IssuanceService = IssuanceService;
exports.IssuanceService = IssuanceService = __decorate([
    (0, common_1.Injectable)(),
    __param(4, (0, common_1.Inject)(persistence_1.FILE_STORAGE)),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        transition_service_1.TransitionService,
        signing_keys_1.SigningKeys,
        config_1.AppConfig, Object])
], IssuanceService);
