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
exports.GreenChannelService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const errors_1 = require("../../domain/src/errors.js");
const domain_1 = require("../../domain/src/index.js");
const persistence_1 = require("../../persistence/src/index.js");
const applicant_applications_service_1 = require("./applicant-applications.service");
const audit_log_1 = require("./audit-log");
const MARKING_ROLES = ['window_clerk', 'section_head', 'administrator'];
let GreenChannelService = class GreenChannelService {
    dataSource;
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    async markFile(staff, id, reason) {
        this.assertMayMark(staff);
        if (!(0, applicant_applications_service_1.isUuid)(id))
            throw new errors_1.NotFoundError();
        return this.dataSource.transaction(async (em) => {
            const rows = await (0, persistence_1.queryReturning)(em, `UPDATE applications SET green_channel = true, green_channel_reason = $2 WHERE id = $1 AND state <> 'draft' RETURNING state`, [id, reason]);
            if (rows.length === 0)
                throw new errors_1.NotFoundError();
            await (0, audit_log_1.appendAuditEvent)(em, { applicationId: id, actor: staff, action: 'green_channel', fromState: rows[0].state, toState: rows[0].state, note: reason });
            return { id, greenChannel: true };
        });
    }
    async markProject(staff, input) {
        this.assertMayMark(staff);
        if (!(0, domain_1.isProjectCode)(input.projectCode))
            throw new errors_1.ValidationFailedError({ projectCode: 'fields.invalid' });
        return this.dataSource.transaction(async (em) => {
            const helpers = input.helperUsernames?.length
                ? await em.getRepository(persistence_1.AccountEntity).find({ where: input.helperUsernames.map((username) => ({ username, kind: 'staff' })) })
                : [];
            const unknown = (input.helperUsernames ?? []).filter((u) => !helpers.some((h) => h.username === u && h.roles.includes('helper')));
            if (unknown.length)
                throw new errors_1.ValidationFailedError({ helperUsernames: 'fields.invalid' });
            const project = em.getRepository(persistence_1.KeyProjectEntity).create({
                projectCode: input.projectCode,
                name: input.name,
                reason: input.reason,
                markedBy: staff.id,
                helperIds: helpers.map((h) => h.id),
            });
            await em.getRepository(persistence_1.KeyProjectEntity).save(project);
            const files = await (0, persistence_1.queryReturning)(em, `UPDATE applications SET green_channel = true, green_channel_reason = $2 WHERE project_code = $1 RETURNING id, state`, [input.projectCode, input.reason]);
            for (const file of files) {
                await (0, audit_log_1.appendAuditEvent)(em, { applicationId: file.id, actor: staff, action: 'green_channel', fromState: file.state, toState: file.state, note: input.reason, data: { keyProject: input.projectCode } });
            }
            await (0, audit_log_1.appendAuditEvent)(em, { applicationId: null, actor: staff, action: 'key_project', note: input.reason, data: { projectCode: input.projectCode, helpers: helpers.map((h) => h.username) } });
            return { ...project, files: files.length };
        });
    }
    assertMayMark(staff) {
        if (!staff.roles.some((role) => MARKING_ROLES.includes(role)))
            throw new errors_1.ForbiddenError();
    }
};
exports.GreenChannelService = GreenChannelService;
exports.GreenChannelService = GreenChannelService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource])
], GreenChannelService);
