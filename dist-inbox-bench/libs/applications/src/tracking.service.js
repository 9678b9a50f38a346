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
exports.TrackingService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const errors_1 = require("../../domain/src/errors.js");
const persistence_1 = require("../../persistence/src/index.js");
const web_1 = require("../../web/src/index.js");
const application_clock_1 = require("./application-clock");
const transition_service_1 = require("./transition.service");
const STEPS = [
    { key: 'submitted', actions: ['submit'] },
    { key: 'accepted', actions: ['accept'] },
    { key: 'decided', actions: ['approve', 'deny', 'refuse'] },
    { key: 'sealed', actions: ['seal'] },
    { key: 'issued', actions: ['issued'] },
];
const STEP_NAMES = {
    submitted: { 'zh-CN': '提交申请', en: 'Submitted' },
    accepted: { 'zh-CN': '窗口受理', en: 'Accepted' },
    decided: { 'zh-CN': '审查决定', en: 'Decided' },
    sealed: { 'zh-CN': '用印', en: 'Sealed' },
    issued: { 'zh-CN': '发证办结', en: 'Licence issued' },
};
let TrackingService = class TrackingService {
    dataSource;
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    async track(number, phone, locale) {
        const app = await this.dataSource.getRepository(persistence_1.ApplicationEntity).findOneBy({ number, contactPhone: phone });
        if (!app || app.state === 'draft')
            throw new errors_1.NotFoundError();
        const [events, pauses] = await Promise.all([
            this.dataSource.getRepository(persistence_1.AuditEventEntity).find({ where: { applicationId: app.id }, order: { id: 'ASC' }, select: { action: true, at: true } }),
            this.dataSource.getRepository(persistence_1.ApplicationPauseEntity).findBy({ applicationId: app.id }),
        ]);
        const service = (0, transition_service_1.serviceOf)(app);
        const firstAt = (actions) => events.find((e) => actions.includes(e.action))?.at;
        const steps = STEPS.map((step) => {
            const at = firstAt(step.actions);
            return { name: STEP_NAMES[step.key][locale], ...(at ? { at: at.toISOString() } : {}), done: at !== undefined };
        });
        return {
            number: app.number,
            serviceName: locale === 'en' ? service.nameEn : service.name,
            state: app.state,
            stateLabel: (0, web_1.translate)(locale, `state.${app.state}`),
            submittedAt: app.submittedAt?.toISOString() ?? null,
            clock: (0, application_clock_1.clockOf)(app, pauses, service, new Date()),
            steps,
        };
    }
};
exports.TrackingService = TrackingService;
exports.TrackingService = TrackingService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource])
], TrackingService);
