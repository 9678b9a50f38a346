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
exports.PasswordTokenEntity = void 0;
const typeorm_1 = require("typeorm");
let PasswordTokenEntity = class PasswordTokenEntity {
    tokenHash;
    accountId;
    expiresAt;
    usedAt;
};
exports.PasswordTokenEntity = PasswordTokenEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ name: 'token_hash', type: 'text' }),
    __metadata("design:type", String)
], PasswordTokenEntity.prototype, "tokenHash", void 0);
__decorate([
    (0, typeorm_1.Index)('password_tokens_account_idx'),
    (0, typeorm_1.Column)({ name: 'account_id', type: 'uuid' }),
    __metadata("design:type", String)
], PasswordTokenEntity.prototype, "accountId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'expires_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], PasswordTokenEntity.prototype, "expiresAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'used_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], PasswordTokenEntity.prototype, "usedAt", void 0);
exports.PasswordTokenEntity = PasswordTokenEntity = __decorate([
    (0, typeorm_1.Entity)('password_tokens')
], PasswordTokenEntity);
