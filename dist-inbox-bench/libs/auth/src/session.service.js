"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionService = void 0;
const node_crypto_1 = require("node:crypto");
const persistence_1 = require("../../persistence/src/index.js");
const hashToken = (token) => (0, node_crypto_1.createHash)('sha256').update(token).digest('hex');
class SessionService {
    dataSource;
    ttlHours;
    constructor(dataSource, ttlHours) {
        this.dataSource = dataSource;
        this.ttlHours = ttlHours;
    }
    async start(accountId) {
        const token = (0, node_crypto_1.randomBytes)(32).toString('base64url');
        await this.dataSource.getRepository(persistence_1.SessionEntity).insert({
            tokenHash: hashToken(token),
            accountId,
            expiresAt: new Date(Date.now() + this.ttlHours * 3600_000),
        });
        return token;
    }
    async resolve(token) {
        if (!token || token.length > 200)
            return null;
        const rows = await (0, persistence_1.queryReturning)(this.dataSource, `UPDATE sessions s SET expires_at = now() + make_interval(hours => $2)
         FROM accounts a
        WHERE s.token_hash = $1 AND s.expires_at > now() AND a.id = s.account_id AND a.disabled_at IS NULL
        RETURNING a.id, a.kind, a.name, a.roles, a.sections`, [hashToken(token), this.ttlHours]);
        const [row] = rows;
        return row ? { ...row, token } : null;
    }
    async end(token) {
        await this.dataSource.getRepository(persistence_1.SessionEntity).delete({ tokenHash: hashToken(token) });
    }
    async endAllFor(accountId) {
        await this.dataSource.getRepository(persistence_1.SessionEntity).delete({ accountId });
    }
}
exports.SessionService = SessionService;
