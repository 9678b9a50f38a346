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
exports.SetPasswordDto = exports.LoginDto = exports.RegisterDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const domain_1 = require("../../../libs/domain/src/index.js");
const auth_1 = require("../../../libs/auth/src/index.js");
let ResidentIdConstraint = class ResidentIdConstraint {
    validate(value) {
        return typeof value === 'string' && (0, domain_1.isValidResidentId)(value);
    }
};
ResidentIdConstraint = __decorate([
    (0, class_validator_1.ValidatorConstraint)({ name: 'residentId' })
], ResidentIdConstraint);
class RegisterDto {
    name;
    phone;
    idNumber;
    password;
}
exports.RegisterDto = RegisterDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '刘建海' }),
    (0, class_validator_1.IsString)({ message: 'fields.name' }),
    (0, class_validator_1.MinLength)(1, { message: 'fields.name' }),
    (0, class_validator_1.MaxLength)(50, { message: 'fields.name' }),
    __metadata("design:type", String)
], RegisterDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '13800000000' }),
    (0, class_validator_1.IsString)({ message: 'fields.mobile' }),
    (0, class_validator_1.Matches)(/^1[3-9]\d{9}$/, { message: 'fields.mobile' }),
    __metadata("design:type", String)
], RegisterDto.prototype, "phone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '11010519491231002X', description: 'resident ID (GB 11643), check digit and birth date verified' }),
    (0, class_validator_1.IsString)({ message: 'fields.resident_id' }),
    (0, class_validator_1.Validate)(ResidentIdConstraint, { message: 'fields.resident_id' }),
    __metadata("design:type", String)
], RegisterDto.prototype, "idNumber", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minLength: 10 }),
    (0, class_validator_1.IsString)({ message: 'fields.password_too_short' }),
    (0, class_validator_1.MinLength)(10, { message: 'fields.password_too_short' }),
    (0, class_validator_1.MaxLength)(200, { message: 'fields.text_too_long' }),
    (0, class_validator_1.Validate)(auth_1.NotCommonPasswordConstraint, { message: 'fields.password_common' }),
    __metadata("design:type", String)
], RegisterDto.prototype, "password", void 0);
class LoginDto {
    phone;
    password;
}
exports.LoginDto = LoginDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '13800000000' }),
    (0, class_validator_1.IsString)({ message: 'fields.mobile' }),
    (0, class_validator_1.MaxLength)(20, { message: 'fields.mobile' }),
    __metadata("design:type", String)
], LoginDto.prototype, "phone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MaxLength)(200, { message: 'fields.text_too_long' }),
    __metadata("design:type", String)
], LoginDto.prototype, "password", void 0);
class SetPasswordDto {
    token;
    password;
}
exports.SetPasswordDto = SetPasswordDto;
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'the token from the SMS link' }),
    (0, class_validator_1.IsString)({ message: 'fields.required' }),
    (0, class_validator_1.MinLength)(10, { message: 'fields.invalid' }),
    (0, class_validator_1.MaxLength)(100, { message: 'fields.invalid' }),
    __metadata("design:type", String)
], SetPasswordDto.prototype, "token", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minLength: 10 }),
    (0, class_validator_1.IsString)({ message: 'fields.password_too_short' }),
    (0, class_validator_1.MinLength)(10, { message: 'fields.password_too_short' }),
    (0, class_validator_1.MaxLength)(200, { message: 'fields.text_too_long' }),
    (0, class_validator_1.Validate)(auth_1.NotCommonPasswordConstraint, { message: 'fields.password_common' }),
    __metadata("design:type", String)
], SetPasswordDto.prototype, "password", void 0);
