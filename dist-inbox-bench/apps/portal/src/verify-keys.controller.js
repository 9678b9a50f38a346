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
exports.VerifyKeysController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_1 = require("../../../libs/auth/src/index.js");
const applications_1 = require("../../../libs/applications/src/index.js");
let VerifyKeysController = class VerifyKeysController {
    keys;
    constructor(keys) {
        this.keys = keys;
    }
    jwks() {
        return this.keys.jwks();
    }
};
exports.VerifyKeysController = VerifyKeysController;
__decorate([
    (0, common_1.Get)('onewindow-verify-key'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], VerifyKeysController.prototype, "jwks", null);
exports.VerifyKeysController = VerifyKeysController = __decorate([
    (0, swagger_1.ApiTags)('verification'),
    (0, auth_1.Public)(),
    (0, common_1.Controller)('.well-known'),
    __metadata("design:paramtypes", [applications_1.SigningKeys])
], VerifyKeysController);
