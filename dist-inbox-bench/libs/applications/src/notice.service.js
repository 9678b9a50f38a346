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
exports.NoticeService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../domain/src/index.js");
const errors_1 = require("../../domain/src/errors.js");
const config_1 = require("../../config/src/index.js");
const documents_1 = require("../../documents/src/index.js");
const persistence_1 = require("../../persistence/src/index.js");
const transition_service_1 = require("./transition.service");
let NoticeService = class NoticeService {
    dataSource;
    config;
    storage;
    renderer = null;
    constructor(dataSource, config, storage) {
        this.dataSource = dataSource;
        this.config = config;
        this.storage = storage;
    }
    async render(noticeId) {
        const notice = await this.dataSource.getRepository(persistence_1.NoticeEntity).findOneBy({ id: noticeId });
        if (!notice || notice.pdfSha256)
            return 'skipped';
        const app = await this.dataSource.getRepository(persistence_1.ApplicationEntity).findOneByOrFail({ id: notice.applicationId });
        const applicant = await this.dataSource.getRepository(persistence_1.ApplicantEntity).findOneBy({ id: app.applicantId });
        const service = (0, transition_service_1.serviceOf)(app);
        const data = notice.data;
        const labelOf = (item) => item.materialCode ? (service.materials.find((m) => m.code === item.materialCode)?.name ?? item.materialCode) : (item.field ?? '');
        this.renderer ??= new documents_1.NoticePdfRenderer();
        const pdf = await this.renderer.render({
            kind: notice.kind,
            number: notice.number,
            applicantName: app.entityName ?? applicant?.name ?? '',
            applicationNumber: app.number,
            serviceName: service.name,
            issuedOn: (0, domain_1.shanghaiLocalDate)(notice.issuedAt),
            ...(app.submittedAt ? { submittedOn: (0, domain_1.shanghaiLocalDate)(app.submittedAt) } : {}),
            ...(data.items ? { items: data.items.map((item) => ({ label: labelOf(item), reason: item.reason })) } : {}),
            ...(data.reason ? { reason: data.reason } : {}),
            ...(data.extensionWorkingDays ? { extensionWorkingDays: data.extensionWorkingDays } : {}),
            bureauName: this.config.BUREAU_NAME,
            creationDate: notice.issuedAt,
        });
        const stored = await this.storage.put(pdf);
        await this.dataSource.query('UPDATE notices SET pdf_sha256 = $2 WHERE id = $1 AND pdf_sha256 IS NULL', [notice.id, stored.sha256]);
        return 'rendered';
    }
    async pdf(applicationId, noticeId) {
        const notice = await this.dataSource.getRepository(persistence_1.NoticeEntity).findOneBy({ id: noticeId, applicationId });
        if (!notice?.pdfSha256)
            throw new errors_1.NotFoundError();
        return { bytes: await this.storage.read(notice.pdfSha256), number: notice.number };
    }
};
exports.NoticeService = NoticeService;
exports.NoticeService = NoticeService = __decorate([
    (0, common_1.Injectable)(),
    __param(2, (0, common_1.Inject)(persistence_1.FILE_STORAGE)),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        config_1.AppConfig, Object])
], NoticeService);
