import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, NotFoundError, TransitionRefusedError, UnauthenticatedError } from '@onewindow/domain/errors';
import { normalizeResidentId } from '@onewindow/domain';
import { AccountEntity, ApplicantEntity, PasswordTokenEntity, queryReturning } from '@onewindow/persistence';
import { LoginThrottle } from './login-throttle';
import { assertPasswordAcceptable } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { SessionService } from './session.service';

/** How long a set-password link works: three days, time to read a text and find a computer. */
export const PASSWORD_TOKEN_HOURS = 72;

/** Registration and sign-in. Inputs arrive validated by the request DTOs. */
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    /** Without one (scripts), sign-in is not rate-limited. */
    private readonly throttle?: LoginThrottle,
  ) {}

  /** An applicant's account and the person applicant it acts for; one per phone and per ID number. */
  async registerApplicant(input: { name: string; phone: string; idNumber: string; password: string; email?: string | null }): Promise<{ id: string }> {
    const idNumber = normalizeResidentId(input.idNumber);
    assertPasswordAcceptable(input.password, [input.phone, idNumber]);
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.dataSource.transaction(async (em) => {
        const account = await em.getRepository(AccountEntity).save(
          em.getRepository(AccountEntity).create({ kind: 'applicant', name: input.name, phone: input.phone, email: input.email?.trim() || null, idNumber, passwordHash, roles: [], sections: [] }),
        );
        // A walk-in applicant filed for by staff may already exist without an account.
        const existing = await em.getRepository(ApplicantEntity).findOneBy({ idNumber });
        if (existing && existing.accountId) throw new ConflictError('errors.id_number_taken');
        if (existing) await em.getRepository(ApplicantEntity).update({ id: existing.id }, { accountId: account.id, phone: input.phone });
        else await em.getRepository(ApplicantEntity).insert({ kind: 'person', name: input.name, idNumber, phone: input.phone, accountId: account.id });
        return { id: account.id };
      });
    } catch (error) {
      const constraint = (error as { constraint?: string }).constraint;
      if (constraint === 'accounts_phone_key') throw new ConflictError('errors.phone_taken');
      if (constraint === 'accounts_id_number_key' || constraint === 'applicants_id_number_key') throw new ConflictError('errors.id_number_taken');
      throw error;
    }
  }

  /**
   * A new session for the right password (a new token every time). Failures are limited per
   * account and per client address (429 `rate_limited`, LoginThrottle).
   */
  async signIn(
    by: { phone: string } | { username: string },
    password: string,
    kind: 'applicant' | 'staff',
    address?: string | null,
  ): Promise<{ token: string; account: AccountEntity }> {
    const check = async () => {
      const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ ...by, kind });
      const ok = await verifyPassword(account?.passwordHash ?? null, password);
      if (!account || !ok || account.disabledAt) throw new UnauthenticatedError('errors.bad_credentials');
      return account;
    };
    const name = 'phone' in by ? by.phone : by.username;
    const account = this.throttle ? await this.throttle.guard({ account: `${kind}:${name}`, address }, check) : await check();
    return { token: await this.sessions.start(account.id), account };
  }

  /** Disables an account and ends every session of it at once; 404 for an unknown id. Idempotent. */
  async disable(accountId: string): Promise<{ id: string; disabledAt: string }> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(accountId)) throw new NotFoundError();
    return this.dataSource.transaction(async (em) => {
      const [row] = await queryReturning<{ id: string; disabled_at: Date }>(
        em,
        'UPDATE accounts SET disabled_at = COALESCE(disabled_at, now()) WHERE id = $1 RETURNING id, disabled_at',
        [accountId],
      );
      if (!row) throw new NotFoundError();
      await em.query('DELETE FROM sessions WHERE account_id = $1', [accountId]);
      return { id: row.id, disabledAt: row.disabled_at.toISOString() };
    });
  }

  /** A one-time token (valid PASSWORD_TOKEN_HOURS) that lets the account's owner set a password; only its hash is kept. */
  async issuePasswordToken(em: EntityManager, accountId: string): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await em.getRepository(PasswordTokenEntity).insert({
      tokenHash: createHash('sha256').update(token).digest('hex'),
      accountId,
      expiresAt: new Date(Date.now() + PASSWORD_TOKEN_HOURS * 3600_000),
      usedAt: null,
    });
    return token;
  }

  /** Uses a token once to set the password; every other session of the account ends. */
  async setPassword(token: string, password: string): Promise<void> {
    assertPasswordAcceptable(password);
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (em) => {
      const used = await queryReturning<{ account_id: string }>(
        em,
        `UPDATE password_tokens SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING account_id`,
        [createHash('sha256').update(token).digest('hex')],
      );
      if (used.length === 0) throw new TransitionRefusedError('password_token_invalid');
      const account = await em.getRepository(AccountEntity).findOneByOrFail({ id: used[0].account_id });
      // Refused here, the token stays unused (the transaction rolls back).
      assertPasswordAcceptable(password, [account.phone, account.idNumber]);
      await em.getRepository(AccountEntity).update({ id: used[0].account_id }, { passwordHash });
      await em.query('DELETE FROM sessions WHERE account_id = $1', [used[0].account_id]);
    });
  }
}
