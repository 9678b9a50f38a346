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
var PrecheckService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.PrecheckService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const persistence_1 = require("../../persistence/src/index.js");
const completeness_1 = require("./completeness");
const acting_account_1 = require("./acting-account");
const transition_service_1 = require("./transition.service");
const NAME_REGISTERING_SERVICES = new Set(['business-license', 'non-enterprise', 'social-group']);
const NAME_HOLDING_STATES = ['submitted', 'correction_required', 'awaiting_acceptance', 'under_review', 'awaiting_seal', 'issuing', 'issued'];
let PrecheckService = PrecheckService_1 = class PrecheckService {
    dataSource;
    transitions;
    logger = new common_1.Logger(PrecheckService_1.name);
    constructor(dataSource, transitions) {
        this.dataSource = dataSource;
        this.transitions = transitions;
    }
    async run(applicationId) {
        return this.dataSource.transaction(async (em) => {
            const app = await em.getRepository(persistence_1.ApplicationEntity).findOneBy({ id: applicationId });
            if (!app || app.state !== 'submitted')
                return 'skipped';
            const items = (await (0, completeness_1.findGaps)(em, app, 'zh-CN')).map((gap) => ({
                ...(gap.field ? { field: gap.field } : {}),
                ...(gap.materialCode ? { materialCode: gap.materialCode } : {}),
                reason: gap.reason,
            }));
            if (app.entityNameKey && NAME_REGISTERING_SERVICES.has(app.serviceCode)) {
                const [duplicate] = await em.query(`SELECT number FROM applications
            WHERE entity_name_key = $1 AND service_code = $2 AND id <> $3 AND state = ANY($4)
            LIMIT 1`, [app.entityNameKey, app.serviceCode, app.id, NAME_HOLDING_STATES]);
                if (duplicate)
                    items.push({ field: 'name', reason: '名称与本辖区已登记或正在办理的名称相同或近似，请更换名称' });
            }
            if (items.length > 0) {
                await this.transitions.applyIn(em, app.id, { action: 'precheck_fail', actor: acting_account_1.SYSTEM, correctionItems: items }, app);
                this.logger.log(`precheck ${app.number}: ${items.length} problem(s)`);
                return 'failed';
            }
            await this.transitions.applyIn(em, app.id, { action: 'precheck_pass', actor: acting_account_1.SYSTEM }, app);
            return 'passed';
        });
    }
};
exports.PrecheckService = PrecheckService;
exports.PrecheckService = PrecheckService = PrecheckService_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        transition_service_1.TransitionService])
], PrecheckService);
