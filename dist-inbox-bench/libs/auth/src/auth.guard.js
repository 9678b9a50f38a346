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
exports.AccountGuard = exports.CurrentAccount = exports.Roles = exports.Public = exports.REQUIRED_ROLES = exports.PUBLIC_ROUTE = void 0;
exports.tokenOf = tokenOf;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const errors_1 = require("../../domain/src/errors.js");
const session_service_1 = require("./session.service");
exports.PUBLIC_ROUTE = 'onewindow:public';
exports.REQUIRED_ROLES = 'onewindow:roles';
const Public = () => (0, common_1.SetMetadata)(exports.PUBLIC_ROUTE, true);
exports.Public = Public;
const Roles = (...roles) => (0, common_1.SetMetadata)(exports.REQUIRED_ROLES, roles);
exports.Roles = Roles;
exports.CurrentAccount = (0, common_1.createParamDecorator)((_, ctx) => {
    const account = ctx.switchToHttp().getRequest().account;
    if (!account)
        throw new errors_1.UnauthenticatedError();
    return account;
});
function tokenOf(request, cookieName) {
    const header = request.headers.authorization;
    if (header && /^Bearer\s+/i.test(header))
        return header.replace(/^Bearer\s+/i, '').trim();
    return request.cookies?.[cookieName] ?? null;
}
let AccountGuard = class AccountGuard {
    reflector;
    sessions;
    options;
    constructor(reflector, sessions, options) {
        this.reflector = reflector;
        this.sessions = sessions;
        this.options = options;
    }
    async canActivate(context) {
        const targets = [context.getHandler(), context.getClass()];
        const request = context.switchToHttp().getRequest();
        const token = tokenOf(request, this.options.cookieName);
        const account = token ? await this.sessions.resolve(token) : null;
        if (account && account.kind === this.options.kind)
            request.account = account;
        if (this.reflector.getAllAndOverride(exports.PUBLIC_ROUTE, targets))
            return true;
        if (!account)
            throw new errors_1.UnauthenticatedError();
        if (account.kind !== this.options.kind) {
            throw new errors_1.ForbiddenError(this.options.kind === 'staff' ? 'errors.staff_only' : 'errors.applicants_only');
        }
        const roles = this.reflector.getAllAndOverride(exports.REQUIRED_ROLES, targets);
        if (roles && !roles.some((role) => account.roles.includes(role)))
            throw new errors_1.ForbiddenError();
        return true;
    }
};
exports.AccountGuard = AccountGuard;
exports.AccountGuard = AccountGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [core_1.Reflector,
        session_service_1.SessionService, Object])
], AccountGuard);
