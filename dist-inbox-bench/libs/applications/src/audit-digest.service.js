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
exports.AuditDigestService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../domain/src/index.js");
const audit_log_1 = require("./audit-log");
let AuditDigestService = class AuditDigestService {
    dataSource;
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    async store(day = (0, domain_1.shanghaiLocalDate)(new Date(Date.now() - 24 * 3600_000))) {
        const { eventCount, digest } = await (0, audit_log_1.computeDailyDigest)(this.dataSource.manager, day);
        await this.dataSource.query(`INSERT INTO audit_daily_digests (day, event_count, digest, computed_at) VALUES ($1, $2, $3, now()) ON CONFLICT (day) DO NOTHING`, [day, eventCount, digest]);
        return { day, eventCount, digest };
    }
    async check(day) {
        const [stored] = await this.dataSource.query('SELECT digest FROM audit_daily_digests WHERE day = $1', [day]);
        const { eventCount, digest } = await (0, audit_log_1.computeDailyDigest)(this.dataSource.manager, day);
        if (!stored)
            return { day, status: 'missing', actual: digest, eventCount };
        return { day, status: stored.digest === digest ? 'intact' : 'tampered', stored: stored.digest, actual: digest, eventCount };
    }
};
exports.AuditDigestService = AuditDigestService;
exports.AuditDigestService = AuditDigestService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource])
], AuditDigestService);
