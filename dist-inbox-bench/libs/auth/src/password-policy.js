"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotCommonPasswordConstraint = exports.PASSWORD_MAX_LENGTH = exports.PASSWORD_MIN_LENGTH = void 0;
exports.passwordProblem = passwordProblem;
exports.assertPasswordAcceptable = assertPasswordAcceptable;
const errors_1 = require("../../domain/src/errors.js");
const class_validator_1 = require("class-validator");
const common_passwords_1 = require("./common-passwords");
exports.PASSWORD_MIN_LENGTH = 10;
exports.PASSWORD_MAX_LENGTH = 200;
const COMMON = new Set(common_passwords_1.COMMON_PASSWORDS);
const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz'];
function passwordProblem(password, personal = []) {
    if (typeof password !== 'string' || [...password].length < exports.PASSWORD_MIN_LENGTH)
        return 'fields.password_too_short';
    if (password.length > exports.PASSWORD_MAX_LENGTH)
        return 'fields.text_too_long';
    const lower = password.toLowerCase();
    if (COMMON.has(lower) || isTrivial(lower))
        return 'fields.password_common';
    for (const value of personal) {
        if (value && value.length >= 6 && lower.includes(value.toLowerCase()))
            return 'fields.password_personal';
    }
    return null;
}
function assertPasswordAcceptable(password, personal = []) {
    const problem = passwordProblem(password, personal);
    if (problem)
        throw new errors_1.ValidationFailedError({ password: problem });
}
function isTrivial(lower) {
    if (new Set(lower).size <= 2)
        return true;
    for (const row of KEYBOARD_ROWS) {
        if (row.includes(lower) || [...row].reverse().join('').includes(lower))
            return true;
    }
    const stem = lower.replace(/[\d!@#$%^&*.?_-]{1,3}$/, '');
    return stem !== lower && COMMON.has(stem) && stem.length >= 8;
}
let NotCommonPasswordConstraint = class NotCommonPasswordConstraint {
    validate(value) {
        return typeof value !== 'string' || passwordProblem(value) !== 'fields.password_common';
    }
};
exports.NotCommonPasswordConstraint = NotCommonPasswordConstraint;
exports.NotCommonPasswordConstraint = NotCommonPasswordConstraint = __decorate([
    (0, class_validator_1.ValidatorConstraint)({ name: 'notCommonPassword' })
], NotCommonPasswordConstraint);
