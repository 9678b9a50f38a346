"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AccountsService = void 0;
const node_crypto_1 = require("node:crypto");
const errors_1 = require("../../domain/src/errors.js");
const domain_1 = require("../../domain/src/index.js");
const persistence_1 = require("../../persistence/src/index.js");
const password_policy_1 = require("./password-policy");
const passwords_1 = require("./passwords");
class AccountsService {
    dataSource;
    sessions;
    throttle;
    constructor(dataSource, sessions, throttle) {
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.throttle = throttle;
    }
    async registerApplicant(input) {
        const idNumber = (0, domain_1.normalizeResidentId)(input.idNumber);
        (0, password_policy_1.assertPasswordAcceptable)(input.password, [input.phone, idNumber]);
        const passwordHash = await (0, passwords_1.hashPassword)(input.password);
        try {
            return await this.dataSource.transaction(async (em) => {
                const account = await em.getRepository(persistence_1.AccountEntity).save(em.getRepository(persistence_1.AccountEntity).create({ kind: 'applicant', name: input.name, phone: input.phone, idNumber, passwordHash, roles: [], sections: [] }));
                const existing = await em.getRepository(persistence_1.ApplicantEntity).findOneBy({ idNumber });
                if (existing && existing.accountId)
                    throw new errors_1.ConflictError('errors.id_number_taken');
                if (existing)
                    await em.getRepository(persistence_1.ApplicantEntity).update({ id: existing.id }, { accountId: account.id, phone: input.phone });
                else
                    await em.getRepository(persistence_1.ApplicantEntity).insert({ kind: 'person', name: input.name, idNumber, phone: input.phone, accountId: account.id });
                return { id: account.id };
            });
        }
        catch (error) {
            const constraint = error.constraint;
            if (constraint === 'accounts_phone_key')
                throw new errors_1.ConflictError('errors.phone_taken');
            if (constraint === 'accounts_id_number_key' || constraint === 'applicants_id_number_key')
                throw new errors_1.ConflictError('errors.id_number_taken');
            throw error;
        }
    }
    async signIn(by, password, kind, address) {
        const check = async () => {
            const account = await this.dataSource.getRepository(persistence_1.AccountEntity).findOneBy({ ...by, kind });
            const ok = await (0, passwords_1.verifyPassword)(account?.passwordHash ?? null, password);
            if (!account || !ok || account.disabledAt)
                throw new errors_1.UnauthenticatedError('errors.bad_credentials');
            return account;
        };
        const name = 'phone' in by ? by.phone : by.username;
        const account = this.throttle ? await this.throttle.guard({ account: `${kind}:${name}`, address }, check) : await check();
        return { token: await this.sessions.start(account.id), account };
    }
    async disable(accountId) {
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(accountId))
            throw new errors_1.NotFoundError();
        return this.dataSource.transaction(async (em) => {
            const [row] = await (0, persistence_1.queryReturning)(em, 'UPDATE accounts SET disabled_at = COALESCE(disabled_at, now()) WHERE id = $1 RETURNING id, disabled_at', [accountId]);
            if (!row)
                throw new errors_1.NotFoundError();
            await em.query('DELETE FROM sessions WHERE account_id = $1', [accountId]);
            return { id: row.id, disabledAt: row.disabled_at.toISOString() };
        });
    }
    async issuePasswordToken(em, accountId) {
        const token = (0, node_crypto_1.randomBytes)(24).toString('base64url');
        await em.getRepository(persistence_1.PasswordTokenEntity).insert({
            tokenHash: (0, node_crypto_1.createHash)('sha256').update(token).digest('hex'),
            accountId,
            expiresAt: new Date(Date.now() + 72 * 3600_000),
            usedAt: null,
        });
        return token;
    }
    async setPassword(token, password) {
        (0, password_policy_1.assertPasswordAcceptable)(password);
        const passwordHash = await (0, passwords_1.hashPassword)(password);
        await this.dataSource.transaction(async (em) => {
            const used = await (0, persistence_1.queryReturning)(em, `UPDATE password_tokens SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING account_id`, [(0, node_crypto_1.createHash)('sha256').update(token).digest('hex')]);
            if (used.length === 0)
                throw new errors_1.TransitionRefusedError('password_token_invalid');
            const account = await em.getRepository(persistence_1.AccountEntity).findOneByOrFail({ id: used[0].account_id });
            (0, password_policy_1.assertPasswordAcceptable)(password, [account.phone, account.idNumber]);
            await em.getRepository(persistence_1.AccountEntity).update({ id: used[0].account_id }, { passwordHash });
            await em.query('DELETE FROM sessions WHERE account_id = $1', [used[0].account_id]);
        });
    }
}
exports.AccountsService = AccountsService;
