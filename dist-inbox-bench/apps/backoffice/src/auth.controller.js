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
exports.StaffAuthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const auth_1 = require("../../../libs/auth/src/index.js");
const backoffice_constants_1 = require("./backoffice.constants");
class StaffLoginDto {
    username;
    password;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'clerk1' }),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MaxLength)(100, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], StaffLoginDto.prototype, "username", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MaxLength)(200, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], StaffLoginDto.prototype, "password", void 0);
let StaffAuthController = class StaffAuthController {
    accounts;
    sessions;
    constructor(accounts, sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }
    async login(body, request, reply) {
        const { token } = await this.accounts.signIn({ username: body.username }, body.password, 'staff', request.ip);
        void reply.setCookie(backoffice_constants_1.STAFF_SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict' });
        return { token };
    }
    async logout(request, reply) {
        const token = (0, auth_1.tokenOf)(request, backoffice_constants_1.STAFF_SESSION_COOKIE);
        if (token)
            await this.sessions.end(token);
        void reply.clearCookie(backoffice_constants_1.STAFF_SESSION_COOKIE, { path: '/' });
    }
};
exports.StaffAuthController = StaffAuthController;
__decorate([
    (0, auth_1.Public)(),
    (0, common_1.Post)('login'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [StaffLoginDto, Object, Object]),
    __metadata("design:returntype", Promise)
], StaffAuthController.prototype, "login", null);
__decorate([
    (0, common_1.Post)('logout'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], StaffAuthController.prototype, "logout", null);
exports.StaffAuthController = StaffAuthController = __decorate([
    (0, swagger_1.ApiTags)('auth'),
    (0, common_1.Controller)('api/auth'),
    __metadata("design:paramtypes", [auth_1.AccountsService,
        auth_1.SessionService])
], StaffAuthController);
