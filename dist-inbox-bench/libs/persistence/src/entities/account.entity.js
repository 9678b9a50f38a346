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
exports.AccountEntity = void 0;
const typeorm_1 = require("typeorm");
let AccountEntity = class AccountEntity {
    id;
    kind;
    name;
    username;
    phone;
    idNumber;
    passwordHash;
    roles;
    sections;
    disabledAt;
    createdAt;
};
exports.AccountEntity = AccountEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], AccountEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], AccountEntity.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], AccountEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Index)('accounts_username_key', { unique: true, where: 'username IS NOT NULL' }),
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AccountEntity.prototype, "username", void 0);
__decorate([
    (0, typeorm_1.Index)('accounts_phone_key', { unique: true, where: 'phone IS NOT NULL' }),
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AccountEntity.prototype, "phone", void 0);
__decorate([
    (0, typeorm_1.Index)('accounts_id_number_key', { unique: true, where: 'id_number IS NOT NULL' }),
    (0, typeorm_1.Column)({ name: 'id_number', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AccountEntity.prototype, "idNumber", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'password_hash', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AccountEntity.prototype, "passwordHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', array: true, default: () => "'{}'" }),
    __metadata("design:type", Array)
], AccountEntity.prototype, "roles", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', array: true, default: () => "'{}'" }),
    __metadata("design:type", Array)
], AccountEntity.prototype, "sections", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'disabled_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], AccountEntity.prototype, "disabledAt", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], AccountEntity.prototype, "createdAt", void 0);
exports.AccountEntity = AccountEntity = __decorate([
    (0, typeorm_1.Entity)('accounts')
], AccountEntity);
