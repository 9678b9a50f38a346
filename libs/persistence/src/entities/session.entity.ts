import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Server-side sessions: a Redis flush signs nobody out, and logout ends a session at once. */
@Entity('sessions')
export class SessionEntity {
  /** SHA-256 of the bearer token; the token itself is never stored. */
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Index('sessions_account_id_idx')
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
