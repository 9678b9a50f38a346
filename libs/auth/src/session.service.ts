import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountEntity, SessionEntity } from '@onewindow/persistence';

export interface SignedInAccount {
  id: string;
  kind: 'applicant' | 'staff';
  name: string;
  roles: string[];
  sections: string[];
  token: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Sessions live in PostgreSQL: logout or disabling an account ends them at once. */
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlHours: number,
  ) {}

  async start(accountId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.getRepository(SessionEntity).insert({
      tokenHash: hashToken(token),
      accountId,
      expiresAt: new Date(Date.now() + this.ttlHours * 3600_000),
    });
    return token;
  }

  /**
   * The account behind a token, sliding the expiry forward; null when unknown, expired or
   * disabled. The expiry moves at most once a minute, so most requests only read (a write on
   * every request would cost a commit to disk each time).
   */
  async resolve(token: string): Promise<SignedInAccount | null> {
    if (!token || token.length > 200) return null;
    const rows: Array<Pick<AccountEntity, 'id' | 'kind' | 'name' | 'roles' | 'sections'>> = await this.dataSource.query(
      `WITH found AS (
         SELECT s.token_hash, s.expires_at, a.id, a.kind, a.name, a.roles, a.sections
           FROM sessions s JOIN accounts a ON a.id = s.account_id
          WHERE s.token_hash = $1 AND s.expires_at > now() AND a.disabled_at IS NULL),
       slid AS (
         UPDATE sessions s SET expires_at = now() + make_interval(hours => $2)
           FROM found f
          WHERE s.token_hash = f.token_hash AND f.expires_at < now() + make_interval(hours => $2) - interval '1 minute')
       SELECT id, kind, name, roles, sections FROM found`,
      [hashToken(token), this.ttlHours],
    );
    const [row] = rows;
    return row ? { ...row, token } : null;
  }

  async end(token: string): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).delete({ tokenHash: hashToken(token) });
  }

  async endAllFor(accountId: string): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).delete({ accountId });
  }
}
