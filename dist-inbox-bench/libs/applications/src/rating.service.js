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
exports.RatingService = exports.RATABLE_STATES = exports.RATING_COMMENT_MAX_LENGTH = exports.POOR_RATING_MAX_LEVEL = exports.RATING_LEVELS = void 0;
exports.toRatingView = toRatingView;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const errors_1 = require("../../domain/src/errors.js");
const persistence_1 = require("../../persistence/src/index.js");
const applicant_applications_service_1 = require("./applicant-applications.service");
const audit_log_1 = require("./audit-log");
exports.RATING_LEVELS = [5, 4, 3, 2, 1];
exports.POOR_RATING_MAX_LEVEL = 2;
exports.RATING_COMMENT_MAX_LENGTH = 500;
exports.RATABLE_STATES = ['issued', 'denied', 'revoked'];
function toRatingView(row) {
    return {
        level: row.level,
        ...(row.comment ? { comment: row.comment } : {}),
        createdAt: row.createdAt.toISOString(),
        ...(row.followUpStatus
            ? {
                followUp: {
                    status: row.followUpStatus,
                    ...(row.response ? { response: row.response } : {}),
                    ...(row.respondedAt ? { respondedAt: row.respondedAt.toISOString() } : {}),
                },
            }
            : {}),
    };
}
let RatingService = class RatingService {
    dataSource;
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    async rate(account, applicationId, input) {
        const level = input.level;
        if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 5)
            throw new errors_1.ValidationFailedError({ level: 'fields.rating_level' });
        const comment = typeof input.comment === 'string' ? input.comment.trim() : '';
        if (input.comment !== undefined && input.comment !== null && typeof input.comment !== 'string')
            throw new errors_1.ValidationFailedError({ comment: 'fields.invalid' });
        if (comment.length > exports.RATING_COMMENT_MAX_LENGTH)
            throw new errors_1.ValidationFailedError({ comment: 'fields.text_too_long' });
        try {
            return await this.dataSource.transaction(async (em) => {
                const app = (0, applicant_applications_service_1.isUuid)(applicationId)
                    ? await em.getRepository(persistence_1.ApplicationEntity).createQueryBuilder('a').where('a.id = :id', { id: applicationId }).setLock('pessimistic_write').getOne()
                    : null;
                if (!app || app.ownerAccountId !== account.id)
                    throw new errors_1.NotFoundError();
                if (!exports.RATABLE_STATES.includes(app.state))
                    throw new errors_1.TransitionRefusedError('rating_not_allowed', { state: app.state });
                if (await em.getRepository(persistence_1.RatingEntity).existsBy({ applicationId: app.id }))
                    throw new errors_1.ConflictError('errors.already_rated');
                const row = await em.getRepository(persistence_1.RatingEntity).save(em.getRepository(persistence_1.RatingEntity).create({
                    applicationId: app.id,
                    accountId: account.id,
                    level,
                    comment: comment || null,
                    followUpStatus: level <= exports.POOR_RATING_MAX_LEVEL ? 'open' : null,
                }));
                await (0, audit_log_1.appendAuditEvent)(em, { applicationId: app.id, actor: account, action: 'rate', fromState: app.state, toState: app.state, data: { level } });
                return toRatingView(row);
            });
        }
        catch (error) {
            if (error.constraint === 'ratings_application_key')
                throw new errors_1.ConflictError('errors.already_rated');
            throw error;
        }
    }
    async ofApplication(account, applicationId) {
        if (!(0, applicant_applications_service_1.isUuid)(applicationId))
            return null;
        const row = await this.dataSource
            .getRepository(persistence_1.RatingEntity)
            .createQueryBuilder('r')
            .innerJoin(persistence_1.ApplicationEntity, 'a', 'a.id = r.application_id')
            .where('r.application_id = :id AND a.owner_account_id = :owner', { id: applicationId, owner: account.id })
            .getOne();
        return row ? toRatingView(row) : null;
    }
};
exports.RatingService = RatingService;
exports.RatingService = RatingService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource])
], RatingService);
