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
exports.RatingController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const applications_1 = require("../../../libs/applications/src/index.js");
const auth_1 = require("../../../libs/auth/src/index.js");
class RateDto {
    level;
    comment;
}
__decorate([
    (0, swagger_1.ApiProperty)({ minimum: 1, maximum: 5, description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意' }),
    (0, class_validator_1.IsInt)({ message: 'fields.rating_level' }),
    (0, class_validator_1.Min)(1, { message: 'fields.rating_level' }),
    (0, class_validator_1.Max)(5, { message: 'fields.rating_level' }),
    __metadata("design:type", Number)
], RateDto.prototype, "level", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: applications_1.RATING_COMMENT_MAX_LENGTH }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)({ message: 'fields.invalid' }),
    (0, class_validator_1.MaxLength)(applications_1.RATING_COMMENT_MAX_LENGTH, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], RateDto.prototype, "comment", void 0);
let RatingController = class RatingController {
    ratings;
    constructor(ratings) {
        this.ratings = ratings;
    }
    rate(account, id, body) {
        return this.ratings.rate({ kind: 'applicant', id: account.id, name: account.name }, id, body);
    }
};
exports.RatingController = RatingController;
__decorate([
    (0, common_1.Post)(':id/rating'),
    (0, common_1.HttpCode)(201),
    __param(0, (0, auth_1.CurrentAccount)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, RateDto]),
    __metadata("design:returntype", void 0)
], RatingController.prototype, "rate", null);
exports.RatingController = RatingController = __decorate([
    (0, swagger_1.ApiTags)('applications'),
    (0, common_1.Controller)('api/applications'),
    __metadata("design:paramtypes", [applications_1.RatingService])
], RatingController);
