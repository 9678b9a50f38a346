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
exports.AuthPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const errors_1 = require("../../../../libs/domain/src/errors.js");
const auth_1 = require("../../../../libs/auth/src/index.js");
const web_1 = require("../../../../libs/web/src/index.js");
const views_1 = require("../../../../libs/web/src/views.js");
const auth_dto_1 = require("../auth.dto");
const portal_constants_1 = require("../portal.constants");
const view_models_1 = require("./view-models");
const text = (value) => (typeof value === 'string' ? value.trim() : '');
function check(dto, values, request) {
    const errors = (0, class_validator_1.validateSync)((0, class_transformer_1.plainToInstance)(dto, values), { whitelist: true });
    return Object.fromEntries(Object.entries((0, web_1.flattenValidationErrors)(errors)).map(([field, key]) => [field, (0, web_1.translate)(request.locale, key)]));
}
let AuthPagesController = class AuthPagesController {
    accounts;
    sessions;
    constructor(accounts, sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }
    async loginPage(next, request, reply) {
        await (0, views_1.renderPage)(request, reply, 'portal/login.njk', { values: { phone: '' }, errors: {}, next: (0, view_models_1.safeNext)(next) });
    }
    async login(body, request, reply) {
        const values = { phone: text(body.phone), password: typeof body.password === 'string' ? body.password : '' };
        const next = (0, view_models_1.safeNext)(body.next);
        const errors = {};
        if (!/^1[3-9]\d{9}$/.test(values.phone))
            errors.phone = (0, web_1.translate)(request.locale, 'fields.mobile');
        if (!values.password)
            errors.password = (0, web_1.translate)(request.locale, 'page.password_required');
        if (Object.keys(errors).length === 0) {
            try {
                const { token } = await this.accounts.signIn({ phone: values.phone }, values.password, 'applicant');
                this.setSession(reply, token);
                return (0, views_1.redirectTo)(reply, next);
            }
            catch (error) {
                if (!(error instanceof errors_1.UnauthenticatedError))
                    throw error;
                errors.password = (0, web_1.translate)(request.locale, 'errors.bad_credentials');
            }
        }
        await (0, views_1.renderPage)(request, reply, 'portal/login.njk', { values: { phone: values.phone }, errors, errorList: (0, view_models_1.errorList)(errors), hasErrors: true, next }, 400);
    }
    async registerPage(next, request, reply) {
        await (0, views_1.renderPage)(request, reply, 'portal/register.njk', { values: {}, errors: {}, next: (0, view_models_1.safeNext)(next) });
    }
    async register(body, request, reply) {
        const values = { name: text(body.name), phone: text(body.phone), idNumber: text(body.idNumber).toUpperCase(), password: typeof body.password === 'string' ? body.password : '' };
        const next = (0, view_models_1.safeNext)(body.next);
        const errors = check(auth_dto_1.RegisterDto, values, request);
        if (Object.keys(errors).length === 0) {
            try {
                await this.accounts.registerApplicant(values);
                const { token } = await this.accounts.signIn({ phone: values.phone }, values.password, 'applicant');
                this.setSession(reply, token);
                return (0, views_1.redirectTo)(reply, next);
            }
            catch (error) {
                if (!(error instanceof errors_1.ConflictError))
                    throw error;
                const field = error.messageKey === 'errors.id_number_taken' ? 'idNumber' : 'phone';
                errors[field] = (0, web_1.translate)(request.locale, error.messageKey);
            }
        }
        const order = ['name', 'phone', 'idNumber', 'password'];
        const sorted = Object.fromEntries(order.filter((f) => errors[f]).map((f) => [f, errors[f]]));
        await (0, views_1.renderPage)(request, reply, 'portal/register.njk', { values: { ...values, password: '' }, errors: sorted, errorList: (0, view_models_1.errorList)(sorted), hasErrors: true, next }, 400);
    }
    async logout(request, reply) {
        const token = (0, auth_1.tokenOf)(request, portal_constants_1.PORTAL_SESSION_COOKIE);
        if (token)
            await this.sessions.end(token);
        void reply.clearCookie(portal_constants_1.PORTAL_SESSION_COOKIE, { path: '/' });
        return (0, views_1.redirectTo)(reply, '/');
    }
    async setPasswordPage(token, request, reply) {
        await (0, views_1.renderPage)(request, reply, 'portal/set-password.njk', { token: typeof token === 'string' ? token : '', errors: {} });
    }
    async setPassword(body, request, reply) {
        const values = { token: text(body.token), password: typeof body.password === 'string' ? body.password : '' };
        const errors = check(auth_dto_1.SetPasswordDto, values, request);
        if (errors.token) {
            errors.password = (0, web_1.translate)(request.locale, 'rules.password_token_invalid');
            delete errors.token;
        }
        if (values.password !== body.confirm && !errors.password)
            errors.confirm = (0, web_1.translate)(request.locale, 'page.password_mismatch');
        if (Object.keys(errors).length === 0) {
            try {
                await this.accounts.setPassword(values.token, values.password);
                return (0, views_1.renderPage)(request, reply, 'portal/set-password-done.njk');
            }
            catch (error) {
                if (!(error instanceof errors_1.TransitionRefusedError))
                    throw error;
                errors.password = (0, web_1.translate)(request.locale, 'rules.password_token_invalid');
            }
        }
        await (0, views_1.renderPage)(request, reply, 'portal/set-password.njk', { token: values.token, errors, errorList: (0, view_models_1.errorList)(errors), hasErrors: true }, 400);
    }
    setSession(reply, token) {
        void reply.setCookie(portal_constants_1.PORTAL_SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: process.env.NODE_ENV === 'production' });
    }
};
exports.AuthPagesController = AuthPagesController;
__decorate([
    (0, auth_1.Public)(),
    (0, common_1.Get)('login'),
    __param(0, (0, common_1.Query)('next')),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object]),
    __metadata("design:returntype", Promise)
], AuthPagesController.prototype, "loginPage", null);
__decorate([
    (0, auth_1.Public)(),
    (0, common_1.Post)('login'),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object]),
    __metadata("design:returntype", Promise)
], AuthPagesController.prototype, "login", null);
__decorate([
    (0, auth_1.Public)(),
    (0, common_1.Get)('register'),
    __param(0, (0, common_1.Query)('next')),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object]),
    __metadata("design:returntype", Promise)
], AuthPagesController.prototype, "registerPage", null);
__decorate([
    (0, auth_1.Public)(),
    (0, common_1.Post)('register'),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object]),
    __metadata("design:returntype", Promise)
], AuthPagesController.prototype, "register", null);
__decorate([
    (0, common_1.Post)('logout'),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], AuthPagesController.prototype, "logout", null);
__decorate([
    (0, auth_1.Public)(),
    (0, common_1.Get)('set-password'),
    __param(0, (0, common_1.Query)('token')),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object]),
    __metadata("design:returntype", Promise)
], AuthPagesController.prototype, "setPasswordPage", null);
__decorate([
    (0, auth_1.Public)(),
    (0, common_1.Post)('set-password'),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object]),
    __metadata("design:returntype", Promise)
], AuthPagesController.prototype, "setPassword", null);
exports.AuthPagesController = AuthPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.UseFilters)(new views_1.PageExceptionFilter('/login')),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [auth_1.AccountsService,
        auth_1.SessionService])
], AuthPagesController);
