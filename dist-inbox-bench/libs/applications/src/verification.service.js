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
exports.VerificationService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../domain/src/index.js");
const documents_1 = require("../../documents/src/index.js");
const persistence_1 = require("../../persistence/src/index.js");
const signing_keys_1 = require("./signing-keys");
let VerificationService = class VerificationService {
    dataSource;
    keys;
    constructor(dataSource, keys) {
        this.dataSource = dataSource;
        this.keys = keys;
    }
    async verify(licenseNumber, d, sig, now = new Date()) {
        const result = await this.judge(licenseNumber, d, sig, now);
        await this.dataSource.query('INSERT INTO verification_checks (license_number, result) VALUES ($1, $2)', [licenseNumber.slice(0, 64), result.status]);
        return result;
    }
    async judge(licenseNumber, d, sig, now) {
        const notGenuine = { status: 'not_genuine', licenseNumber };
        const checked = (0, documents_1.verifyLicenseToken)(d, sig, this.keys.publicKeys);
        if (!checked.ok || checked.payload.number !== licenseNumber)
            return notGenuine;
        const license = await this.dataSource.getRepository(persistence_1.LicenseEntity).findOneBy({ number: licenseNumber });
        if (!license || license.signedPayload !== d)
            return notGenuine;
        const service = (0, domain_1.getService)(license.serviceCode);
        const shown = {
            licenseNumber,
            service: license.serviceCode,
            serviceName: service?.license.title ?? license.serviceCode,
            holderName: license.holderName,
            issuedAt: license.issuedAt.toISOString(),
            ...(license.validUntil ? { validUntil: license.validUntil } : {}),
        };
        if (license.revokedAt)
            return { status: 'revoked', ...shown, revokedAt: license.revokedAt.toISOString() };
        if (license.validUntil && license.validUntil < (0, domain_1.shanghaiLocalDate)(now))
            return { status: 'expired', ...shown };
        return { status: 'valid', ...shown };
    }
};
exports.VerificationService = VerificationService;
exports.VerificationService = VerificationService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        signing_keys_1.SigningKeys])
], VerificationService);
