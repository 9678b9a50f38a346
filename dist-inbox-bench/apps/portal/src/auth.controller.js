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
exports.AuthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_1 = require("../../../libs/auth/src/index.js");
const auth_dto_1 = require("./auth.dto");
const portal_constants_1 = require("./portal.constants");
let AuthController = class AuthController {
    accounts;
    sessions;
    constructor(accounts, sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }
    register(body) {
        return this.accounts.registerApplicant(body);
    }
    async login(body, request, reply) {
        const { token } = await this.accounts.signIn({ phone: body.phone }, body.password, 'applicant', request.ip);
        void reply.setCookie(portal_constants_1.PORTAL_SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax' });
        return { token };
    }
    async setPassword(body) {
        await this.accounts.setPassword(body.token, body.password);
    }
    async logout(request, reply) {
        const token = (0, auth_1.tokenOf)(request, portal_constants_1.PORTAL_SESSION_COOKIE);
        if (token)
            await this.sessions.end(token);
        void reply.clearCookie(portal_constants_1.PORTAL_SESSION_COOKIE, { path: '/' });
    }
};
exports.AuthController = AuthController;
__decorate([
    (0, auth_1.Public)(),
    (0, common_1.Post)('register'),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.RegisterDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "register", null);
__decorate([
    (0, auth_1.Public)(),
    (0, common_1.Post)('login'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.LoginDto, Object, Object]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "login", null);
__decorate([
    (0, auth_1.Public)(),
    (0, common_1.Post)('set-password'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.SetPasswordDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "setPassword", null);
__decorate([
    (0, common_1.Post)('logout'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "logout", null);
exports.AuthController = AuthController = __decorate([
    (0, swagger_1.ApiTags)('auth'),
    (0, common_1.Controller)('api/auth'),
    __metadata("design:paramtypes", [auth_1.AccountsService,
        auth_1.SessionService])
], AuthController);
